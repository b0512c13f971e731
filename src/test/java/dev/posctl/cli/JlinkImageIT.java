package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JLINK distribution as a user gets it: the archive JReleaser assembled (jreleaser:assemble, with
 * src/jreleaser/jlink-aot.sh) unpacked with unzip into a fresh folder, run through its bin/posctl with a
 * fresh home. Its runtime is Java 25 or newer and it starts from the AOT cache trained at build time,
 * also once the folder is moved; with a jar of another time the launcher leaves that cache (Java 25
 * itself would map it: JDK-8377932) and trains one for the installation, as the JAVA_BINARY one does.
 * .ci/run runs it after the assemble with -Dposctl.jlink=ARCHIVE (then a missing archive fails it);
 * without that property it takes target/jreleaser's archive, or is skipped when there is none.
 */
class JlinkImageIT {
    private static final String CHECKED = "1 edit checked, 1 valid: 0 errors, 0 warnings\n";

    @TempDir
    Path dir;

    Path home;

    record Run(int code, String out, String err) {}

    @BeforeEach
    void unpack() throws Exception {
        Path archive = archive();
        Process p = new ProcessBuilder("unzip", "-q", archive.toString(), "-d", dir.resolve("a").toString())
            .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "unzip finished");
        assertEquals(0, p.exitValue(), said);
        try (Stream<Path> s = Files.list(dir.resolve("a"))) {
            List<Path> tops = s.collect(Collectors.toList());
            assertEquals(1, tops.size(), "one top directory: " + tops);
            home = tops.get(0);
        }
        Files.writeString(dir.resolve("x.json"), "{\"userId\":\"a\",\"id\":\"b\",\"detail\":{\"jobTitle\":\"PM\"}}\n");
    }

    @Test
    void startsFromTheCacheTrainedAtBuildTimeAlsoWhenMovedAndTrainsItsOwnWhenTheJarDiffers() throws Exception {
        Run version = posctl(Map.of(), "--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(version.out().matches("(?s)posctl \\S+\\nJava (2[5-9]|[3-9]\\d)[.\\d]*\\n.*"),
            "the image's own Java 25 or newer, not JAVA_HOME's: " + version.out());

        Run validate = fromCache("ValidateCommand", "validate", "-f", "x.json");
        assertEquals(CHECKED, validate.err());
        assertUpdatesFromCache();
        assertEquals(List.of(), cached(".aot"), "no cache trained beside the shipped one");

        Path moved = dir.resolve("b").resolve(home.getFileName());
        Files.createDirectories(moved.getParent());
        Files.move(home, moved);
        home = moved;
        assertEquals(validate, fromCache("ValidateCommand", "validate", "-f", "x.json"), "moved");

        // an unpack that loses the jar's time (or another posctl.jar): the shipped cache is not used, the
        // command works the same, and a cache for this installation is trained in the background
        Path jar = home.resolve("jars/posctl.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertEquals(validate, posctl(Map.of(), "validate", "-f", "x.json"), "a cache made for another jar is not used");
        Run noted = posctl(Map.of(), "validate", "--verbose", "-f", "x.json");
        assertEquals(0, noted.code(), noted.err());
        assertTrue(noted.err().startsWith("posctl: note: the AOT cache " + home.toRealPath().resolve("lib/posctl.aot")
            + " that came with posctl is not usable here (it was made for a posctl.jar of another size or time);"
            + " one is made for this installation in ") && noted.err().endsWith(CHECKED), noted.err());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (cached(".aot").isEmpty() || training()) {
            assertTrue(System.nanoTime() < deadline, "a cache for this installation trained in the background");
            Thread.sleep(200);
        }
        assertEquals(validate, fromCache("ValidateCommand", "validate", "-f", "x.json"), "the installation's own cache");
    }

    private void assertUpdatesFromCache() throws Exception {
        ProcessBuilder pb = builder(Map.of(), "sandbox", "serve", "--port", "0", "--memory")
            .redirectError(dir.resolve("serve.err").toFile());
        Process server = pb.start();
        try {
            String base = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(base != null && base.matches("http://127\\.0\\.0\\.1:\\d+/beta"), "base URL: " + base
                + " " + Files.readString(dir.resolve("serve.err")));
            Run update = fromCache("UpdateCommand", Map.of("POSCTL_ENDPOINT", base, "POSCTL_TOKEN", "x"),
                "update", "--user", "adele@contoso.com", "--current", "--job-title", "Distinguished PM", "-o", "json");
            assertTrue(update.out().contains("\"status\":\"updated\""), update.out());
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "sandbox stopped");
        }
    }

    private Run fromCache(String command, String... args) throws IOException, InterruptedException {
        return fromCache(command, Map.of(), args);
    }

    /** Runs the command with the class-loading log on, and checks that its command class came from the cache. */
    private Run fromCache(String command, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "classes", ".log");
        Map<String, String> logged = new HashMap<>(env);
        logged.put("POSCTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        Run r = posctl(logged, args);
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(log).contains("dev.posctl.cli." + command + " source: shared objects file"),
            "posctl's classes come from an AOT cache: " + command + " in " + home + "; the JVM's logs: " + logs());
        return r;
    }

    private Run posctl(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = builder(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "posctl " + String.join(" ", args) + " finished");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A fresh home; JAVA_HOME names the Java 17 the tests run on, which the image must not use. */
    private ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/posctl").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("POSCTL_") || k.startsWith("XDG_") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(UnpackedDistribution.freshHome(dir));
        pb.environment().putAll(env);
        return pb;
    }

    private List<Path> cached(String suffix) throws IOException {
        Path cache = dir.resolve("cache/posctl");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix)).collect(Collectors.toList());
        }
    }

    /** What the JVM said about each cache it was given (the launcher keeps its log in the cache directory). */
    private String logs() throws IOException {
        StringBuilder said = new StringBuilder();
        for (Path log : cached(".log")) {
            said.append(log.getFileName()).append(": ").append(Files.readString(log)).append('\n');
        }
        return said.toString();
    }

    private boolean training() throws IOException {
        return cached("").stream().anyMatch(f -> f.getFileName().toString().startsWith("training-"));
    }

    private static Path archive() throws IOException {
        String named = System.getProperty("posctl.jlink", "");
        if (!named.isEmpty()) {
            Path archive = Path.of(named);
            assertTrue(Files.isRegularFile(archive), "no JLINK archive " + archive);
            return archive;
        }
        Path jlink = Path.of(System.getProperty("posctl.jar", "target/posctl.jar")).toAbsolutePath()
            .resolveSibling("jreleaser/assemble/posctl-standalone/jlink");
        Optional<Path> found = Optional.empty();
        if (Files.isDirectory(jlink)) {
            try (Stream<Path> s = Files.list(jlink)) {
                found = s.filter(f -> f.getFileName().toString().matches("posctl-standalone-.*\\.zip")).findFirst();
            }
        }
        assumeTrue(found.isPresent(), "no JLINK archive in " + jlink + ": mvn jreleaser:assemble makes one (.ci/run does)");
        return found.get();
    }
}
