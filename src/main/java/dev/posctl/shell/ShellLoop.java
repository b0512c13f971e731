package dev.posctl.shell;

import dev.posctl.complete.IdCache;
import dev.posctl.complete.Words;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shell does with one line, whoever reads it: words, the shell's own words (exit), and
 * everything else to the command tree. A failing command prints its error and the shell goes on.
 */
public final class ShellLoop {
    /** What a line asks of the loop. */
    public enum Next { CONTINUE, EXIT }

    private final LineRunner runner;
    private final IdCache cache;
    private final PrintWriter err;
    private int lastCode;

    public ShellLoop(LineRunner runner, IdCache cache, PrintWriter err) {
        this.runner = runner;
        this.cache = cache;
        this.err = err;
    }

    public Next accept(String line) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Next.CONTINUE;
        }
        Words w = Words.split(trimmed);
        List<String> words = new ArrayList<>(w.before());
        if (!w.current().isEmpty()) {
            words.add(w.current());
        }
        if (words.isEmpty()) {
            return Next.CONTINUE;
        }
        String first = words.get(0);
        if (first.equals("posctl")) {
            words.remove(0);
            if (words.isEmpty()) {
                return Next.CONTINUE;
            }
            first = words.get(0);
        }
        if (first.equals("exit") || first.equals("quit")) {
            return Next.EXIT;
        }
        if (first.equals("shell")) {
            err.println("posctl: already in posctl shell");
            err.flush();
            lastCode = dev.posctl.core.ExitCode.USAGE;
            return Next.CONTINUE;
        }
        rememberUsers(words);
        lastCode = runner.run(words);
        return Next.CONTINUE;
    }

    /** The exit code of the last command: what the shell exits with, like sh. */
    public int lastCode() {
        return lastCode;
    }

    /** User ids typed in this session are offered by Tab later, here and in the next session. */
    private void rememberUsers(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if ((w.equals("--user") || w.equals("-u")) && i + 1 < words.size()) {
                cache.remember(words.get(i + 1), List.of());
            } else if (w.startsWith("--user=")) {
                cache.remember(w.substring("--user=".length()), List.of());
            }
        }
    }
}
