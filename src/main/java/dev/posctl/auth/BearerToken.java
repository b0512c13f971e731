package dev.posctl.auth;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;

/**
 * The one gate every token passes before it becomes an Authorization header. Token sources are
 * files, variables and other programs' output, so a trailing comment line, a CR from Windows or a
 * file that is no token at all is common; a value that slipped through would be echoed by the HTTP
 * client's header check. Messages here name the source and never show any part of the value.
 */
public final class BearerToken {
    private BearerToken() {}

    /**
     * The first non-empty line of {@code raw}, trimmed, if it is an RFC 6750 token
     * (letters, digits, {@code - . _ ~ + /}, then {@code =} padding).
     *
     * @param where the source as the message names it: "POSCTL_TOKEN", "the token file /x", ...
     */
    public static String clean(String raw, String where) {
        String line = firstLine(raw);
        if (line.isEmpty()) {
            throw new PosctlException(ExitCode.AUTH, "the token in " + where + " is empty");
        }
        int padding = line.length();
        while (padding > 0 && line.charAt(padding - 1) == '=') {
            padding--;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c <= ' ' || (c >= 0x7f && c <= 0x9f)) {
                throw new PosctlException(ExitCode.AUTH, "the token in " + where + " contains spaces or control characters");
            }
            if (i >= padding ? c != '=' : !tokenChar(c)) {
                throw new PosctlException(ExitCode.AUTH, "the token in " + where
                    + " contains characters a bearer token cannot hold (only letters, digits, - . _ ~ + / and = at the end)");
            }
        }
        if (padding == 0) {
            throw new PosctlException(ExitCode.AUTH, "the token in " + where + " is only = signs");
        }
        return line;
    }

    private static String firstLine(String raw) {
        if (raw == null) {
            return "";
        }
        for (String line : raw.split("[\r\n]")) {
            String t = line.trim();
            if (!t.isEmpty()) {
                return t;
            }
        }
        return "";
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
