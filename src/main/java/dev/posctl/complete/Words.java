package dev.posctl.complete;

import java.util.ArrayList;
import java.util.List;

/** A command line up to the cursor, split as a shell would: quotes and backslashes honoured. */
public record Words(List<String> before, String current) {

    public static Words split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    w.append(line.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        return new Words(words, inWord ? w.toString() : "");
    }

    /** Without the program name, when the line starts with one. */
    public Words withoutProgram() {
        return before.isEmpty() ? this : new Words(before.subList(1, before.size()), current);
    }
}
