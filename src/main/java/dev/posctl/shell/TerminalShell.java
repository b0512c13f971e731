package dev.posctl.shell;

import dev.posctl.complete.Completer;
import dev.posctl.complete.IdCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The interactive shell on JLine: prompt, Tab completion, persistent history. The only class that
 * names JLine types besides {@link JLineCompletion}, so commands that never open a shell never load JLine.
 */
public final class TerminalShell {
    private TerminalShell() {}

    /** On the process's own terminal. */
    public static int run(ShellSession session, Completer completer, IdCache cache, Path history, RunnerFactory commands)
        throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return run(terminal, session::prompt, completer, cache, history, commands);
        }
    }

    /** On given streams: for tests, and anything that drives the shell as a terminal. */
    public static int run(InputStream in, OutputStream out, Supplier<String> prompt, Completer completer, IdCache cache, Path history,
                          RunnerFactory commands) throws IOException {
        // ExternalTerminal, not the builder: with plain streams the builder may open a pty whose input closes at once
        try (Terminal terminal = new ExternalTerminal("posctl", "xterm", in, out, StandardCharsets.UTF_8)) {
            return run(terminal, prompt, completer, cache, history, commands);
        }
    }

    static LineReader reader(Terminal terminal, Completer completer, Path history) throws IOException {
        HistoryFile.prepare(history);
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        LineReader reader = LineReaderBuilder.builder()
            .appName("posctl")
            .terminal(terminal)
            .parser(parser)
            .completer(new JLineCompletion(completer))
            .history(new ScrubbedHistory())
            .variable(LineReader.HISTORY_FILE, history)
            .option(LineReader.Option.AUTO_FRESH_LINE, true)
            .build();
        // a terminal turns Ctrl-C into a signal (UserInterruptException below); where it arrives as a
        // character (streams, some terminals in raw mode) it must cancel the line all the same
        reader.getKeyMaps().get(LineReader.MAIN).bind(new org.jline.reader.Reference(LineReader.SEND_BREAK),
            org.jline.keymap.KeyMap.ctrl('C'));
        normalModeCursorKeys(reader.getKeyMaps().get(LineReader.MAIN));
        return reader;
    }

    /**
     * JLine binds the cursor keys the terminfo entry names, for xterm the application-mode ESC O A; a
     * terminal that ignores that mode sends ESC [ A, which would type "[A" into the line. Both mean the
     * same key, as in readline.
     */
    private static void normalModeCursorKeys(org.jline.keymap.KeyMap<org.jline.reader.Binding> keys) {
        for (char key : "ABCDHF".toCharArray()) {
            org.jline.reader.Binding applicationMode = keys.getBound("\033O" + key);
            if (applicationMode != null && keys.getBound("\033[" + key) == null) {
                keys.bind(applicationMode, "\033[" + key);
            }
        }
    }

    /** Every line enters the history (memory and file) with its secrets masked, so Up never brings a token back either. */
    private static final class ScrubbedHistory extends DefaultHistory {
        @Override
        public void add(Instant time, String line) {
            super.add(time, HistoryScrubber.scrub(line));
        }
    }

    private static int run(Terminal terminal, Supplier<String> prompt, Completer completer, IdCache cache, Path history, RunnerFactory commands)
        throws IOException {
        LineReader reader = reader(terminal, completer, history);
        PrintWriter out = terminal.writer();
        ShellLoop loop = new ShellLoop(commands.runner(out, out), cache, out);
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt.get());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C drops the line being typed, not the shell
            } catch (EndOfFileException e) {
                break;
            }
            if (loop.accept(line) == ShellLoop.Next.EXIT) {
                break;
            }
            out.flush();
        }
        reader.getHistory().save();
        out.flush();
        return loop.lastCode();
    }
}
