package dev.posctl.output;

/**
 * Text from the network made safe for a terminal: a server that puts ESC, BEL, CSI or bidi
 * overrides in a field must not be able to move the cursor, retitle the window or reorder what
 * the user reads. Such characters are shown escaped instead, so nothing is silently lost.
 */
public final class TerminalText {
    private TerminalText() {}

    /** {@code s} with C0/C1 controls, DEL and bidi overrides/isolates as {@code \n}, {@code \r}, {@code \t} or {@code \\uXXXX}; null stays null. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
