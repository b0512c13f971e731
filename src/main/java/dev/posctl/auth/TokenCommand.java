package dev.posctl.auth;

import dev.posctl.core.CommandWords;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a profile's {@code tokenCommand} without a shell: the line is split into arguments (single
 * and double quotes group, backslash escapes), so nothing in it is ever interpreted by sh.
 * The time limit covers the whole run, output included: a command that hangs, keeps its stdout open
 * (a child left behind) or writes without end is stopped, with its child processes.
 */
public final class TokenCommand {
    static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int MAX_OUTPUT = 1 << 20;

    private final Duration limit;

    /** @param limit how long the command may take, output included */
    TokenCommand(Duration limit) {
        this.limit = limit;
    }

    public static String run(String commandLine) {
        return new TokenCommand(LIMIT).token(commandLine);
    }

    String token(String commandLine) {
        List<String> args = split(commandLine);
        if (args.isEmpty()) {
            throw new PosctlException(ExitCode.CONFIG, "tokenCommand is empty");
        }
        String name = "tokenCommand " + args.get(0);
        Process process;
        try {
            process = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new PosctlException(ExitCode.AUTH, "tokenCommand: cannot run " + args.get(0) + ": " + e.getMessage());
        }
        Output output = new Output(process.getInputStream());
        Thread reader = new Thread(output, "tokenCommand-output");
        // a read blocked on a pipe a stray grandchild holds open must not keep the JVM alive
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            process.getOutputStream().close();
            reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (output.tooMuch) {
                kill(process);
                throw new PosctlException(ExitCode.AUTH, name + " printed more than " + (MAX_OUTPUT >> 20) + " MB: that is no token");
            }
            if (reader.isAlive() || !process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                kill(process);
                throw new PosctlException(ExitCode.AUTH, name + " did not finish within " + limit.toSeconds() + " s");
            }
        } catch (IOException e) {
            kill(process);
            throw new PosctlException(ExitCode.AUTH, name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            throw new PosctlException(ExitCode.INTERRUPTED, "interrupted");
        }
        // never echo the output: on failure it may still hold a token
        if (process.exitValue() != 0) {
            throw new PosctlException(ExitCode.AUTH, name + " failed with exit " + process.exitValue());
        }
        if (output.failure != null) {
            throw new PosctlException(ExitCode.AUTH, name + ": cannot read its output: " + output.failure.getMessage());
        }
        return BearerToken.clean(new String(output.bytes.toByteArray(), StandardCharsets.UTF_8), "the output of " + name);
    }

    /** Children first: once the parent is gone they no longer show up as its descendants. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Reads stdout to its end, or until it is more than a token could be. */
    private static final class Output implements Runnable {
        private final InputStream in;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile boolean tooMuch;
        volatile IOException failure;

        Output(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (bytes.size() + n > MAX_OUTPUT) {
                        tooMuch = true;
                        return;
                    }
                    bytes.write(buffer, 0, n);
                }
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    static List<String> split(String line) {
        CommandWords.Split split = CommandWords.split(line);
        if (split.openQuote() != 0) {
            throw new PosctlException(ExitCode.CONFIG, "tokenCommand has an unclosed " + split.openQuote() + " quote");
        }
        return split.all();
    }
}
