package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * bin/posctl of the unpacked distribution picks its start-up cache by the Java it finds: an AOT cache
 * on Java 25 and newer, the CDS archive on older ones, each keyed to that Java and the jar.
 */
class LauncherAotIT {
    private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final String CHECKED = "1 edit checked, 1 valid: 0 errors, 0 warnings\n";

    @TempDir
    Path dir;

    UnpackedDistribution dist;
    Path cache;

    @BeforeEach
    void unpack() throws Exception {
        dist = UnpackedDistribution.unpack(dir);
        cache = dir.resolve("cache/posctl");
        Files.writeString(dir.resolve("x.json"), "{\"userId\":\"a\",\"id\":\"b\",\"detail\":{\"jobTitle\":\"PM\"}}\n");
    }

    @Test
    void javaTwentyFiveTrainsAnAotCacheOnFirstRunUsesItAndRemakesABrokenOne() throws Exception {
        Optional<Path> java25 = java25();
        assumeTrue(java25.isPresent(), "no JDK 25 or newer in " + TEMURIN_25 + " or /usr/lib/jvm: the AOT cache is not tested");
        Map<String, String> env = Map.of("JAVA_HOME", java25.get().toString());

        UnpackedDistribution.Run first = run(env, "validate", "-f", "x.json");
        assertEquals(0, first.code(), first.err());
        assertEquals(CHECKED, first.err());
        Path aot = awaitOne(".aot");
        assertTrue(aot.getFileName().toString().matches("posctl-\\d+-25[0-9.]*\\.aot"), "keyed to jar and Java: " + aot);
        assertEquals(List.of(), files(".jsa"), "no CDS archive on Java 25");

        assertEquals(first, run(env, "validate", "-f", "x.json"), "the same output with the cache");
        assertFromCache(env);

        // the JVM refuses to start when it cannot open the log it is given: then no cache, no log
        Path log = aot.resolveSibling(aot.getFileName().toString().replace(".aot", ".log"));
        Files.delete(log);
        Files.createDirectory(log);
        assertEquals(first, run(env, "validate", "-f", "x.json"), "a log that cannot be written");
        Files.delete(log);

        // a cache the JVM cannot map: the command works all the same, the next run says why under
        // --verbose, drops it and trains a new one
        Files.write(aot, new byte[8192]);
        assertEquals(first, run(env, "validate", "-f", "x.json"), "a broken cache is ignored");
        UnpackedDistribution.Run noticed = run(env, "validate", "--verbose", "-f", "x.json");
        assertEquals(0, noticed.code(), noticed.err());
        assertTrue(noticed.err().startsWith("posctl: note: the AOT cache " + aot + " was not usable (")
            && noticed.err().contains("it is ignored and made again\n") && noticed.err().endsWith(CHECKED), noticed.err());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(aot) || Files.size(aot) == 8192 || !training().equals("none")) {
            assertTrue(System.nanoTime() < deadline, "a new cache trained in the background");
            Thread.sleep(200);
        }
        assertEquals(first, run(env, "validate", "-f", "x.json"));
        assertFromCache(env);
        assertEquals(CHECKED, run(env, "validate", "--verbose", "-f", "x.json").err(), "no note for a cache that served");
    }

    @Test
    void javaTwentyFiveTrainsOnRequest() throws Exception {
        Optional<Path> java25 = java25();
        assumeTrue(java25.isPresent(), "no JDK 25 or newer in " + TEMURIN_25 + " or /usr/lib/jvm: the AOT cache is not tested");
        UnpackedDistribution.Run trained = run(Map.of("JAVA_HOME", java25.get().toString()), "--train");
        assertEquals(0, trained.code(), trained.err());
        Path aot = awaitOne(".aot");
        assertEquals("posctl: trained " + aot + "\n", trained.err());
        assertEquals("", trained.out());
    }

    /**
     * Java 25's cache does not check the jar it was made from (JDK-8377932): the launcher's key must
     * tell a jar changed within the same minute (ls -l shows minutes), or that jar would get the old
     * jar's classes.
     */
    @Test
    void aJarChangedWithinTheSameMinuteGetsACacheOfItsOwn() throws Exception {
        Optional<Path> java25 = java25();
        assumeTrue(java25.isPresent(), "no JDK 25 or newer in " + TEMURIN_25 + " or /usr/lib/jvm: the AOT cache is not tested");
        Map<String, String> env = Map.of("JAVA_HOME", java25.get().toString());
        Path jar;
        try (Stream<Path> s = Files.list(dir.resolve("install"))) {
            jar = s.findFirst().orElseThrow().resolve("lib/posctl.jar");
        }
        java.time.Instant minute = java.time.Instant.parse("2026-06-01T10:00:00Z");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.from(minute.plusSeconds(10)));
        assertEquals(0, run(env, "--train").code());
        Path first = awaitOne(".aot");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.from(minute.plusSeconds(40)));
        assertEquals(0, run(env, "--train").code());
        Path second = awaitOne(".aot");
        assertTrue(!first.equals(second), "a key of its own for the changed jar: " + first + ", " + second);
    }

    @Test
    void javaSeventeenKeepsTheClassDataArchive() throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));
        assumeTrue(Runtime.version().feature() < 25, "the tests run on Java " + Runtime.version().feature());
        UnpackedDistribution.Run trained = run(env, "--train");
        assertEquals(0, trained.code(), trained.err());
        Path jsa = awaitOne(".jsa");
        assertEquals("posctl: trained " + jsa + "\n", trained.err());
        assertEquals(List.of(), files(".aot"), "no AOT cache before Java 25");
        UnpackedDistribution.Run r = run(env, "validate", "-f", "x.json");
        assertEquals(CHECKED, r.err());
        assertFromCache(env);
    }

    /**
     * What one update against a configured endpoint loads comes from the cache on either Java:
     * picocli's classes too (compiled for Java 17 in the build; its released class files are too old
     * for CDS or the AOT cache) and the token and endpoint checks that the embedded sandbox skips.
     */
    @Test
    void anUpdateOverHttpFindsPicocliAndItsOwnClassesInTheCache() throws Exception {
        List<Path> javas = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        java25().ifPresent(javas::add);
        try (dev.posctl.sandbox.SandboxServer sandbox = dev.posctl.sandbox.SandboxServer.start(
                dev.posctl.sandbox.SandboxOptions.inMemory())) {
            for (Path java : javas) {
                Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", java.toString(),
                    "POSCTL_ENDPOINT", sandbox.baseUri().toString(), "POSCTL_TOKEN", "t0ken"));
                UnpackedDistribution.Run trained = run(env, "--train");
                assertEquals(0, trained.code(), trained.err());
                Path log = dir.resolve("update-classes.log");
                env.put("POSCTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
                UnpackedDistribution.Run r = run(env, "update", "--user", "adele@contoso.com", "--current", "--job-title", "Cached");
                assertEquals(0, r.code(), r.err());
                boolean aot = !java.equals(javas.get(0)) || Runtime.version().feature() >= 25;
                List<String> notCached = Files.readAllLines(log).stream()
                    .filter(l -> l.contains(" dev.posctl.") || l.contains(" picocli.") || l.contains("$Proxy"))
                    .filter(l -> !l.contains("source: shared objects file"))
                    // Java 17's archive, dumped from a class list, does not always hold posctl's lambdas (BoundedBody's was made anew once)
                    .filter(l -> aot || !l.contains("$$Lambda"))
                    .collect(Collectors.toList());
                // no annotation proxies (the commands come from CommandSpecs), and on Java 25 no lambda of posctl's made anew
                assertEquals(List.of(), notCached, "loaded from the jars or made at run time, not from the cache, on " + java);
                assertTrue(Files.readString(log).contains("picocli.CommandLine source: shared objects file"), "picocli from the cache");
            }
        }
    }

    /**
     * Java 25's BigDecimal computes 5^65536 as it initialises (about 10 ms interpreted) and every JSON
     * parser needs it: StartupWarmup initialises it on a second core, not main (Java 25 logs the thread;
     * 17 does not). A busy machine may now and then let main get there first, hence up to three tries.
     */
    @Test
    void onJava25BigDecimalIsInitialisedOffTheMainThread() throws Exception {
        Optional<Path> java25 = java25();
        assumeTrue(java25.isPresent(), "no JDK 25 or newer: its class-initialisation log is the one that names threads");
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: no warm-up");
        List<String> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 3 && !threads.contains("posctl-warmup"); i++) {
            Path log = dir.resolve("init-" + i + ".log");
            UnpackedDistribution.Run r = run(Map.of("JAVA_HOME", java25.get().toString(),
                "POSCTL_JAVA_OPTS", "-Xlog:class+init=info:file=" + log), "validate", "-f", "x.json");
            assertEquals(CHECKED, r.err());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Initializing 'java/math/BigDecimal'.* by thread \"([^\"]+)\"")
                .matcher(Files.readString(log));
            threads.add(m.find() ? m.group(1) : "not initialised");
        }
        assertTrue(threads.contains("posctl-warmup"), "BigDecimal initialised by: " + threads);
    }

    /**
     * A lone --version ends by returning from main: System.exit on Java 21 and later first looks up a
     * System.Logger (JDK-8301627), which costs the answer some 10 ms of its 45.
     */
    @Test
    void onJava25VersionEndsWithoutTheLoggerLookupOfSystemExit() throws Exception {
        Optional<Path> java25 = java25();
        assumeTrue(java25.isPresent(), "no JDK 25 or newer: Java 17's System.exit logs nothing");
        Path log = dir.resolve("version-classes.log");
        UnpackedDistribution.Run r = run(Map.of("JAVA_HOME", java25.get().toString(), "POSCTL_JAVA_OPTS",
            "-Xlog:class+load=info:file=" + log), "--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("posctl "), r.out());
        String loaded = Files.readString(log);
        assertTrue(loaded.contains("dev.posctl.core.Version "), "the control: the log names the classes loaded");
        assertFalse(loaded.contains("jdk.internal.logger."), "no logger looked up on the way out");
    }

    private void assertFromCache(Map<String, String> env) throws IOException, InterruptedException {
        Path log = dir.resolve("classes.log");
        Map<String, String> logged = new HashMap<>(env);
        logged.put("POSCTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        UnpackedDistribution.Run r = run(logged, "validate", "-f", "x.json");
        assertEquals(CHECKED, r.err());
        assertTrue(Files.readString(log).contains("dev.posctl.cli.ValidateCommand source: shared objects file"),
            "posctl's classes come from the cache");
    }

    private String training() throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("training-")).findFirst().orElse("none");
        }
    }

    private Path awaitOne(String extension) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<Path> found = files(extension);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = files(extension);
        }
        assertEquals(1, found.size(), "one " + extension + " in " + cache);
        return found.get(0);
    }

    private List<Path> files(String extension) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(f -> f.getFileName().toString().endsWith(extension)).collect(Collectors.toList());
        }
    }

    private UnpackedDistribution.Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(dist.command(args)).directory(dir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().keySet().removeIf(k -> k.startsWith("POSCTL_") || k.startsWith("XDG_") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(dist.environment());
        pb.environment().remove("POSCTL_CDS");
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "posctl " + String.join(" ", args) + " finished");
        return new UnpackedDistribution.Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The JDK 25 here, else any JDK of 25 or newer under /usr/lib/jvm. */
    private static Optional<Path> java25() throws IOException {
        if (Files.isExecutable(TEMURIN_25.resolve("bin/java"))) {
            return Optional.of(TEMURIN_25);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(jvms)) {
            for (Path jdk : s.collect(Collectors.toList())) {
                Path release = jdk.resolve("release");
                if (Files.isExecutable(jdk.resolve("bin/java")) && Files.isRegularFile(release)) {
                    for (String line : Files.readAllLines(release)) {
                        if (line.matches("JAVA_VERSION=\"(2[5-9]|[3-9]\\d)[.\"+-].*")) {
                            return Optional.of(jdk);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
