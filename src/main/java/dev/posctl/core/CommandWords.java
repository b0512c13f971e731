package dev.posctl.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line split into words as a shell would, without running one: single and double
 * quotes and backslashes are honoured, nothing is expanded. Shared by the completion engine, the
 * token command and the editor command, so all three read a line the same way.
 */
public final class CommandWords {
    /**
     * @param words     the finished words
     * @param last      the word still being typed ("" when the line ends between words)
     * @param inWord    whether the line ends inside a word (which may be an empty quoted one)
     * @param openQuote the quote left open at the end, or 0
     */
    public record Split(List<String> words, String last, boolean inWord, char openQuote) {
        /** Every word, the last one included: for running the line. */
        public List<String> all() {
            List<String> out = new ArrayList<>(words);
            if (inWord) {
                out.add(last);
            }
            return out;
        }
    }

    private CommandWords() {}

    public static Split split(String line) {
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
        return new Split(words, inWord ? w.toString() : "", inWord, quote);
    }
}
