package dev.posctl.cli;

import dev.posctl.core.PosctlException;
import dev.posctl.output.TerminalText;
import java.io.PrintWriter;
import java.util.regex.Pattern;

/**
 * What may be said about a failure. Exception messages of libraries quote what they choke on: the
 * JDK's header check quotes the whole header, "Bearer ..." included. So only posctl's own messages
 * are shown as they are, and a --verbose trace has header values and bearer tokens cut out.
 */
final class SafeText {
    private static final Pattern HEADER_VALUE = Pattern.compile("(?is)(header value[^:\"]*:).*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)\\S+");

    private SafeText() {}

    /** A message meant for the user, line by line with terminal controls shown escaped. */
    static String lines(String message) {
        if (message == null) {
            return "";
        }
        String[] lines = message.split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            b.append(i == 0 ? "" : "\n").append(TerminalText.escape(lines[i]));
        }
        return b.toString();
    }

    /** A library's message with anything that can be a secret removed. */
    static String redact(String message) {
        if (message == null) {
            return null;
        }
        String m = HEADER_VALUE.matcher(message).replaceAll("$1 [REDACTED]");
        return TerminalText.escape(BEARER.matcher(m).replaceAll("$1[REDACTED]"));
    }

    /** Like printStackTrace, with each message redacted (posctl's own are kept, escaped). */
    static void trace(Throwable t, PrintWriter err) {
        String prefix = "";
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c instanceof PosctlException ? lines(c.getMessage()) : redact(c.getMessage());
            err.println(prefix + c.getClass().getName() + (m != null ? ": " + m : ""));
            for (StackTraceElement e : c.getStackTrace()) {
                err.println("\tat " + e);
            }
            prefix = "Caused by: ";
        }
    }
}
