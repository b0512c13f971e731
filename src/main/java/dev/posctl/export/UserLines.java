package dev.posctl.export;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A list of users, one object id or userPrincipalName a line. Blank lines and lines starting with
 * {@code #} are skipped; a line with spaces or control characters inside is an error naming the
 * file and line, since it cannot be a user and could change a request's path or a terminal.
 */
public final class UserLines {
    private static final int MAX_LENGTH = 1024;

    /** Told each user in order. */
    public interface Sink {
        void accept(String user) throws InterruptedException;
    }

    private UserLines() {}

    /** @throws PosctlException exit 3 for a line that is no user or text that is not UTF-8, exit 7 when unreadable */
    public static void read(InputStream in, String name, Sink sink) throws InterruptedException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String user = lineNo == 1 && line.startsWith("\uFEFF") ? line.substring(1).strip() : line.strip();
                if (user.isEmpty() || user.startsWith("#")) {
                    continue;
                }
                String problem = problem(user);
                if (problem != null) {
                    throw new PosctlException(ExitCode.INVALID_INPUT, name + ":" + lineNo + ": " + problem
                        + " (one object id or userPrincipalName a line)");
                }
                sink.accept(user);
            }
        } catch (CharacterCodingException e) {
            throw new PosctlException(ExitCode.INVALID_INPUT, name + ":" + (lineNo + 1) + ": not UTF-8 text");
        } catch (IOException e) {
            throw new PosctlException(ExitCode.INVALID_INPUT, name + ": cannot read: " + dev.posctl.core.IoReasons.of(e));
        }
    }

    static String problem(String user) {
        if (user.length() > MAX_LENGTH) {
            return "a line of " + user.length() + " characters is no user";
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return "\"" + dev.posctl.output.TerminalText.escape(user) + "\" has a space or control character inside: no user";
            }
        }
        return null;
    }
}
