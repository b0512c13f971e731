package dev.posctl.output;

/**
 * Text from the network or from input made safe for a terminal: control characters (C0, DEL, C1)
 * could move the cursor, retitle the window or hide what came before, and bidi overrides could
 * make a value read as something else, so each is shown as a visible escape instead.
 */
public final class TerminalText {
    private TerminalText() {}

    /** {@code s} with every unsafe char written as an escape; {@code s} itself when none is. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int first = 0;
        while (first < s.length() && !unsafe(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
