package dev.posctl.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes secrets out of a shell line before it goes into the history: the value of every option whose
 * name says token, secret or password ({@code --token T}, {@code --token=T}, {@code --client-secret S},
 * {@code --token-command C}...) and the value of {@code config set} for such a key. The history is a
 * file that outlives the session and is easily copied, shared or backed up; a token in it is a leak.
 */
public final class HistoryScrubber {
    public static final String MASK = "***";
    private static final String[] SECRET_WORDS = {"token", "secret", "password", "passwd"};

    private HistoryScrubber() {}

    /** The line with each secret value replaced by {@value #MASK}; everything else kept as typed. */
    public static String scrub(String line) {
        List<int[]> words = words(line);
        List<int[]> masked = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = text(line, words.get(i));
            if (word.startsWith("-")) {
                int eq = word.indexOf('=');
                String name = eq < 0 ? word : word.substring(0, eq);
                if (secretName(name)) {
                    if (eq >= 0) {
                        masked.add(new int[] {words.get(i)[0] + eq + 1, words.get(i)[1]});
                    } else if (i + 1 < words.size()) {
                        masked.add(words.get(++i));
                    }
                }
            } else if (word.equals("config") && i + 3 < words.size() && text(line, words.get(i + 1)).equals("set")) {
                int key = nextNonOption(line, words, i + 2);
                if (key >= 0 && key + 1 < words.size() && secretName(text(line, words.get(key)))) {
                    masked.add(words.get(key + 1));
                }
            }
        }
        // from the end, so earlier offsets stay valid while values are replaced
        masked.sort((a, b) -> Integer.compare(b[0], a[0]));
        StringBuilder out = new StringBuilder(line);
        int done = Integer.MAX_VALUE;
        for (int[] m : masked) {
            if (m[1] <= done) {
                out.replace(m[0], m[1], MASK);
                done = m[0];
            }
        }
        return out.toString();
    }

    static boolean secretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String w : SECRET_WORDS) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static int nextNonOption(String line, List<int[]> words, int from) {
        for (int i = from; i < words.size(); i++) {
            if (!text(line, words.get(i)).startsWith("-")) {
                return i;
            }
            if (!text(line, words.get(i)).contains("=")) {
                i++; // skip the option's value (config set --profile P KEY VALUE)
            }
        }
        return -1;
    }

    private static String text(String line, int[] word) {
        return unquote(line.substring(word[0], word[1]));
    }

    private static String unquote(String w) {
        return w.replace("\"", "").replace("'", "");
    }

    /** Start and end of each word: runs of non-blanks, where a quoted part may hold blanks. */
    private static List<int[]> words(String line) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                char c = line.charAt(i);
                if (c == '"' || c == '\'') {
                    int close = line.indexOf(c, i + 1);
                    i = close < 0 ? n : close + 1;
                } else {
                    i++;
                }
            }
            out.add(new int[] {start, i});
        }
        return out;
    }
}
