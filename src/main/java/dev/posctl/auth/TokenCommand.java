package dev.posctl.auth;

import dev.posctl.core.CommandWords;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a profile's {@code tokenCommand} without a shell: the line is split into arguments (single
 * and double quotes group, backslash escapes), so nothing in it is ever interpreted by sh.
 */
public final class TokenCommand {
    private static final long TIMEOUT_SECONDS = 60;

    private TokenCommand() {}

    public static String run(String commandLine) {
        List<String> args = split(commandLine);
        if (args.isEmpty()) {
            throw new PosctlException(ExitCode.CONFIG, "tokenCommand is empty");
        }
        Process process;
        try {
            process = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new PosctlException(ExitCode.AUTH, "tokenCommand: cannot run " + args.get(0) + ": " + e.getMessage());
        }
        try (InputStream in = process.getInputStream()) {
            process.getOutputStream().close();
            byte[] out = in.readNBytes(1 << 20);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PosctlException(ExitCode.AUTH, "tokenCommand " + args.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            // never echo the output: on failure it may still hold a token
            if (process.exitValue() != 0) {
                throw new PosctlException(ExitCode.AUTH, "tokenCommand " + args.get(0) + " failed with exit " + process.exitValue());
            }
            String token = new String(out, StandardCharsets.UTF_8).trim();
            if (token.isEmpty() || token.contains("\n") || token.contains(" ")) {
                throw new PosctlException(ExitCode.AUTH, "tokenCommand " + args.get(0) + " printed no single token on stdout");
            }
            return token;
        } catch (IOException e) {
            throw new PosctlException(ExitCode.AUTH, "tokenCommand " + args.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new PosctlException(ExitCode.INTERRUPTED, "interrupted");
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
