package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * A program on a real pseudo-terminal (util-linux {@code script}), typed at the way a person types
 * and its screen captured. Waits poll the screen with a deadline: the machine is shared and slow.
 */
final class Pty implements AutoCloseable {
    static final String TAB = "\t";
    static final String ENTER = "\r";
    static final String CTRL_C = "\u0003";
    static final String CTRL_D = "\u0004";
    /** Up as xterm sends it in the application cursor mode JLine turns on. */
    static final String UP = "\u001bOA";
    /** Up as a terminal that ignores the application cursor mode sends it. */
    static final String UP_NORMAL_MODE = "\u001b[A";

    private static final Path SCRIPT = Path.of("/usr/bin/script");
    private static final long WAIT_SECONDS = 30;
    // CSI and OSC sequences, two-character escapes, and the other C0 controls except newline and tab
    private static final Pattern ESCAPES = Pattern.compile(
        "\u001b\\[[0-?]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*(?:\u0007|\u001b\\\\)|\u001b[()][0-9A-Za-z]|\u001b[=>78cDEHMNOZ]"
            + "|[\u0000-\u0008\u000b-\u001f\u007f]");

    private final Process process;
    private final StringBuffer screen = new StringBuffer();
    private final OutputStream keys;

    private Pty(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), screen), "pty-screen");
        reader.setDaemon(true);
        reader.start();
    }

    /** Skips the test, saying why, where there is no pty helper. */
    static void assumeAvailable() {
        Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "needs script(1) from util-linux to run posctl on a pseudo-terminal");
    }

    /** Starts the command on a 120x40 terminal, in cwd, with exactly the given environment on top of PATH. */
    static Pty start(List<String> command, Path cwd, Map<String, String> env) throws IOException {
        assumeAvailable();
        String line = command.stream().map(Pty::quote).collect(Collectors.joining(" "));
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "-qfec", "stty cols 120 rows 40; exec " + line, "/dev/null")
            .directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("POSCTL_") || k.startsWith("XDG_") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().put("TERM", "xterm");
        pb.environment().putAll(env);
        return new Pty(pb.start());
    }

    /** Types the keys one by one, as fast as a quick typist. */
    Pty type(String text) throws IOException, InterruptedException {
        for (int i = 0; i < text.length(); ) {
            // an escape sequence (a cursor key) goes in one write, as a terminal sends it
            int end = text.charAt(i) == '\u001b' ? Math.min(text.length(), i + 3) : i + 1;
            keys.write(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
            keys.flush();
            i = end;
            Thread.sleep(15);
        }
        return this;
    }

    /** Everything shown so far, escape sequences and all. */
    String raw() {
        return screen.toString();
    }

    /** What was shown, without escape sequences and control characters (\r\n as \n). */
    String text() {
        return clean(raw());
    }

    /** The text shown after the given mark (-1 for from the start). */
    String textAfter(int mark) {
        return clean(raw().substring(mark < 0 ? 0 : mark));
    }

    /** A mark for {@link #awaitAfter}: what is shown from now on. */
    int mark() {
        return screen.length();
    }

    /**
     * Waits until the texts appear after the mark, in this order (a command's output, then the next
     * prompt); fails showing the screen if they do not in time. Returns what was shown after the mark.
     */
    String awaitAfter(int mark, String... inOrder) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        long ended = -1;
        while (true) {
            String shown = textAfter(mark);
            int at = 0;
            for (String expected : inOrder) {
                at = at < 0 ? at : shown.indexOf(expected, at);
                at = at < 0 ? at : at + expected.length();
            }
            if (at >= 0) {
                return shown;
            }
            assertTrue(System.nanoTime() < deadline, String.join(" then ", inOrder) + " not shown on the terminal; it shows:\n" + shown);
            if (!process.isAlive()) {
                // what it wrote last may still be on its way from the pty
                ended = ended < 0 ? System.nanoTime() : ended;
                assertTrue(System.nanoTime() - ended < TimeUnit.SECONDS.toNanos(1), "the program ended (exit "
                    + process.exitValue() + ") without showing " + String.join(" then ", inOrder) + ":\n" + shown);
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the text appears anywhere at least count times. */
    void awaitCount(String expected, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (text().split(Pattern.quote(expected), -1).length - 1 < count) {
            assertTrue(System.nanoTime() < deadline, "\"" + expected + "\" not shown " + count + " times; the terminal shows:\n" + text());
            Thread.sleep(50);
        }
    }

    /** Waits for the program to end and returns its exit code. */
    int awaitExit() throws InterruptedException {
        assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "the program ended; the terminal shows:\n" + text());
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    static String clean(String raw) {
        return ESCAPES.matcher(raw.replace("\r\n", "\n")).replaceAll("");
    }

    private static void copy(InputStream in, StringBuffer to) {
        // a reader, not bytes to strings: a character may be split across two reads
        char[] buf = new char[4096];
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int n; (n = r.read(buf)) > 0; ) {
                to.append(buf, 0, n);
            }
        } catch (IOException e) {
            // the program ended
        }
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
