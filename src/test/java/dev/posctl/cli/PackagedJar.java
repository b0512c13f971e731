package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged jar run as a user runs it: a new JVM per command, and the sandbox as a server process. */
final class PackagedJar {
    private PackagedJar() {}

    /** {@code java [-Xmx<heap>] -jar posctl.jar args...}; heap null leaves the JVM's default. */
    static List<String> command(String heap, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (heap != null) {
            cmd.add("-Xmx" + heap);
        }
        cmd.addAll(List.of("-jar", System.getProperty("posctl.jar", "target/posctl.jar")));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A running {@code posctl sandbox serve} and the base URL it printed. */
    record Sandbox(Process process, String url) implements AutoCloseable {
        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /** Starts {@code posctl sandbox serve --memory -q} with more options; it answers on 127.0.0.1. */
    static Sandbox sandbox(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("sandbox", "serve", "--memory", "-q"));
        args.addAll(List.of(options));
        Process p = new ProcessBuilder(command(null, args.toArray(String[]::new)))
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String url = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(url != null && url.startsWith("http://127.0.0.1:"), "sandbox URL: " + url);
        return new Sandbox(p, url);
    }
}
