package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * posctl as a user has it: the newest target/posctl-*.tar.gz unpacked, run through bin/posctl with a
 * home of its own (HOME and every XDG directory fresh under the test's folder, no POSCTL_* from outside).
 */
final class UnpackedDistribution {
    private final Path dir;
    private final Path launcher;

    record Run(int code, String out, String err) {}

    private UnpackedDistribution(Path dir, Path launcher) {
        this.dir = dir;
        this.launcher = launcher;
    }

    /** Unpacks into dir/install; dir is also the home and working directory of every run. */
    static UnpackedDistribution unpack(Path dir) throws IOException, InterruptedException {
        Path target = Path.of(System.getProperty("posctl.jar", "target/posctl.jar")).toAbsolutePath().getParent();
        Path tar;
        try (Stream<Path> s = Files.list(target)) {
            tar = s.filter(f -> f.getFileName().toString().matches("posctl-.*\\.tar\\.gz"))
                .max(Comparator.comparing(f -> f.toFile().lastModified()))
                .orElseThrow(() -> new AssertionError("no posctl-*.tar.gz in " + target + " (run mvn verify)"));
        }
        Path install = Files.createDirectories(dir.resolve("install"));
        Process p = new ProcessBuilder("tar", "xzf", tar.toString(), "-C", install.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), said);
        try (Stream<Path> s = Files.list(install)) {
            Path top = s.findFirst().orElseThrow();
            return new UnpackedDistribution(dir, top.resolve("bin/posctl"));
        }
    }

    Path dir() {
        return dir;
    }

    /** The environment of every run: only JAVA_HOME, a fresh home and no class-data archive training. */
    Map<String, String> environment() {
        Map<String, String> env = freshHome(dir);
        env.put("POSCTL_CDS", "off");
        return env;
    }

    /** JAVA_HOME (the Java the tests run on), and HOME and every XDG directory fresh under dir. */
    static Map<String, String> freshHome(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HOME", dir.toString());
        for (String x : List.of("CONFIG", "STATE", "DATA", "CACHE")) {
            env.put("XDG_" + x + "_HOME", dir.resolve(x.toLowerCase()).toString());
        }
        return env;
    }

    List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A one-shot command with stdin closed. */
    Run run(String... args) throws IOException, InterruptedException {
        return runWithInput(null, args);
    }

    /** A command reading the given text on stdin (a pipe, not a terminal); null closes stdin at once. */
    Run runWithInput(String stdin, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "posctl " + String.join(" ", args) + " finished");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The command on a pseudo-terminal. */
    Pty onTerminal(String... args) throws IOException {
        return Pty.start(command(args), dir, environment());
    }

    /** A running {@code posctl sandbox serve --port 0 --memory} with more options, and the base URL it printed. */
    PackagedJar.Sandbox serve(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("sandbox", "serve", "--port", "0", "--memory"));
        args.addAll(List.of(options));
        Process p = builder(args.toArray(String[]::new)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String url = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (url == null || !url.matches("http://127\\.0\\.0\\.1:\\d+/beta")) {
            p.destroyForcibly();
            throw new AssertionError("the sandbox's base URL: " + url);
        }
        return new PackagedJar.Sandbox(p, url);
    }

    private ProcessBuilder builder(String... args) {
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("POSCTL_") || k.startsWith("XDG_") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(environment());
        return pb;
    }
}
