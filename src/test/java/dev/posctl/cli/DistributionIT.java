package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archives `mvn package` leaves in target/: what they hold, and the packaged
 * launcher bin/posctl running the way a user runs it (from an unpacked tar.gz, Java from JAVA_HOME).
 */
class DistributionIT {
    @TempDir
    Path dir;

    Path target;
    Path home;

    record Run(int code, String out, String err) {}

    @BeforeEach
    void unpack() throws Exception {
        target = Path.of(System.getProperty("posctl.jar", "target/posctl.jar")).toAbsolutePath().getParent();
        Path tar = newest("tar.gz");
        Files.createDirectories(dir.resolve("install"));
        Process p = new ProcessBuilder("tar", "xzf", tar.toString(), "-C", dir.resolve("install").toString())
            .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        try (Stream<Path> s = Files.list(dir.resolve("install"))) {
            List<Path> tops = s.collect(Collectors.toList());
            assertEquals(1, tops.size(), "one top directory: " + tops);
            home = tops.get(0);
        }
    }

    private Path newest(String extension) throws IOException {
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(f -> f.getFileName().toString().matches("posctl-.*\\." + java.util.regex.Pattern.quote(extension)))
                .max(Comparator.comparing(f -> f.toFile().lastModified()))
                .orElseThrow(() -> new AssertionError("no posctl-*." + extension + " in " + target));
        }
    }

    Run posctl(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/posctl").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
            .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        environment(pb.environment());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "posctl finished");
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    private void environment(Map<String, String> env) {
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("POSCTL_CDS", "off");
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.remove("POSCTL_ENDPOINT");
        env.remove("POSCTL_TOKEN");
        env.remove("POSCTL_JAVA_OPTS");
    }

    private static Set<String> underTop(List<String> names) {
        // drop the top directory (posctl-VERSION/) and directory entries
        return names.stream().filter(n -> !n.endsWith("/")).map(n -> n.substring(n.indexOf('/') + 1))
            .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theArchivesHoldLauncherJarDocsAndLicence() throws Exception {
        Set<String> zip;
        try (ZipFile z = new ZipFile(newest("zip").toFile())) {
            zip = underTop(z.stream().map(e -> e.getName()).collect(Collectors.toList()));
        }
        Process p = new ProcessBuilder("tar", "tzf", newest("tar.gz").toString()).start();
        List<String> tarNames = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
            .collect(Collectors.toList());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Set<String> tar = underTop(tarNames);
        assertEquals(zip, tar, "zip and tar.gz hold the same files");
        for (String f : List.of("bin/posctl", "bin/posctl.cmd", "lib/posctl.jar", "README.md", "LICENSE", "man/man1/posctl.1",
            "man/man1/posctl-update.1", "completions/posctl.bash")) {
            assertTrue(zip.contains(f), f + " in " + zip);
        }
        // the generated completions and man pages, whatever the build made of them
        Path project = target.getParent();
        for (String folder : List.of("completions", "man")) {
            if (Files.isDirectory(project.resolve(folder))) {
                try (Stream<Path> s = Files.walk(project.resolve(folder))) {
                    for (Path f : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
                        String name = project.relativize(f).toString().replace('\\', '/');
                        assertTrue(zip.contains(name), name + " in " + zip);
                    }
                }
            }
        }
        assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License"));
        // posctl's own classes stand alone in lib/posctl.jar, its libraries beside it
        for (String library : List.of("picocli-", "jackson-databind-", "jackson-dataformat-yaml-", "snakeyaml-")) {
            assertTrue(zip.stream().anyMatch(f -> f.startsWith("lib/" + library) && f.endsWith(".jar")), library + " in " + zip);
        }
        try (ZipFile own = new ZipFile(home.resolve("lib/posctl.jar").toFile())) {
            assertTrue(own.getEntry("dev/posctl/cli/Main.class") != null, "posctl's classes");
            assertTrue(own.getEntry("picocli/CommandLine.class") == null, "no library shaded in");
        }
        assertTrue(Files.isExecutable(home.resolve("bin/posctl")), "bin/posctl is executable once unpacked");
        assertTrue(Files.readString(home.resolve("bin/posctl.cmd")).contains("\r\n"), "posctl.cmd has DOS line ends");
    }

    @Test
    void manFindsThePagesOnceBinIsOnPath() throws Exception {
        // man-db looks in bin/../man of every PATH entry: an unpacked archive (or an SDKMAN candidate) needs nothing more
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/man")), "man is not installed");
        ProcessBuilder pb = new ProcessBuilder("man", "-w", "posctl-update").directory(dir.toFile())
            .redirectOutput(dir.resolve("man.out").toFile()).redirectError(dir.resolve("man.err").toFile());
        pb.environment().remove("MANPATH");
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("PATH", home.resolve("bin") + ":/usr/bin:/bin");
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("man.err")));
        assertEquals(home.resolve("man/man1/posctl-update.1").toRealPath().toString(),
            Path.of(Files.readString(dir.resolve("man.out")).trim()).toRealPath().toString());
    }

    @Test
    void theLauncherRunsVersionAndValidate() throws Exception {
        Run v = posctl(Map.of(), "--version");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().startsWith("posctl "), v.out());
        assertTrue(v.out().contains("Java " + System.getProperty("java.version")), v.out());
        assertEquals("", v.err());

        Files.writeString(dir.resolve("edit.yaml"),
            "userId: adele@contoso.com\nid: 7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d\ndetail:\n  jobTitle: Principal PM\n");
        Run ok = posctl(Map.of(), "validate", "-f", "edit.yaml");
        assertEquals(0, ok.code(), ok.err());
        assertEquals("[]", ok.out().trim());

        Files.writeString(dir.resolve("bad.yaml"), "userId: adele@contoso.com\nid: x\ndetail:\n  jobTitel: PM\n");
        Run bad = posctl(Map.of(), "validate", "-f", "bad.yaml", "-o", "text");
        assertEquals(3, bad.code(), bad.err());
        assertTrue(bad.err().contains("bad.yaml:4:3"), bad.err());
    }

    @Test
    void theLauncherUpdatesAgainstASandboxServer() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/posctl").toString(), "sandbox", "serve", "--port", "0",
            "--memory").directory(dir.toFile()).redirectError(dir.resolve("serve.err").toFile());
        environment(pb.environment());
        Process server = pb.start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String base = r.readLine();
            assertTrue(base != null && base.matches("http://127\\.0\\.0\\.1:\\d+/beta"), "base URL: " + base
                + " " + Files.readString(dir.resolve("serve.err")));
            Map<String, String> endpoint = Map.of("POSCTL_ENDPOINT", base, "POSCTL_TOKEN", "x");
            Run update = posctl(endpoint, "update", "--user", "adele@contoso.com", "--current", "--job-title",
                "Distinguished PM", "-o", "json");
            assertEquals(0, update.code(), update.err());
            assertTrue(update.out().contains("\"status\":\"updated\""), update.out());
            assertFalse(update.err().contains("embedded sandbox"), update.err());
            Run list = posctl(endpoint, "list", "--user", "adele@contoso.com", "-o", "json");
            assertEquals(0, list.code(), list.err());
            assertTrue(list.out().contains("\"jobTitle\":\"Distinguished PM\""), "the server kept it: " + list.out());
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "sandbox stopped");
        }
    }

    @Test
    void stdinIsSpooledWhereTmpdirSays() throws Exception {
        Path missing = dir.resolve("no-such-tmp");
        Run r = posctl(Map.of("TMPDIR", missing.toString()), "update", "-f", "-");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("cannot make a temporary file for the input") && r.err().contains(missing.toString()), r.err());

        Files.createDirectories(missing);
        Run empty = posctl(Map.of("TMPDIR", missing.toString()), "update", "-f", "-");
        assertEquals(3, empty.code(), empty.err());
        assertTrue(empty.err().contains("<stdin>: error: no edits found"), empty.err());
        try (var left = Files.list(missing)) {
            assertEquals(List.of(), left.toList(), "the spool file is gone");
        }
    }

    @Test
    void theLauncherRefusesAJavaOlderThan17() throws Exception {
        Path old = dir.resolve("jdk11");
        Files.createDirectories(old.resolve("bin"));
        Files.writeString(old.resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path java = old.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'this java must not be started' >&2\nexit 99\n");
        assertTrue(java.toFile().setExecutable(true));
        Run r = posctl(Map.of("JAVA_HOME", old.toString()), "--version");
        assertEquals(7, r.code(), r.err());
        assertTrue(r.err().contains("posctl needs Java 17 or newer") && r.err().contains("11.0.2"), r.err());
    }

    @Test
    void theLauncherTrainsAClassDataArchiveOnceAndUsesIt() throws Exception {
        Map<String, String> cds = Map.of("POSCTL_CDS", "");
        Path cache = dir.resolve("cache/posctl");
        assertEquals(0, posctl(cds, "--version").code());
        assertEquals(List.of(), archives(cache), "a lone --version trains nothing");
        Run first = posctl(cds, "--help");
        assertEquals(0, first.code(), first.err());
        assertEquals("", first.err());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<Path> archives = List.of();
        while (archives.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            archives = archives(cache);
        }
        assertEquals(1, archives.size(), "one archive trained in the background");
        Path log = dir.resolve("classes.log");
        Files.writeString(dir.resolve("x.json"), "{\"userId\":\"a\",\"id\":\"b\",\"detail\":{\"jobTitle\":\"PM\"}}\n");
        Run shared = posctl(Map.of("POSCTL_CDS", "", "POSCTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
            "validate", "-f", "x.json");
        assertEquals(0, shared.code(), shared.err());
        String classes = Files.readString(log);
        assertTrue(classes.contains("dev.posctl.cli.ValidateCommand source: shared objects file"),
            "posctl's classes come from the archive");

        // an archive that does not fit (here: garbage) is ignored without a word
        Path archive = archives.get(0);
        assertTrue(archive.toFile().setWritable(true));
        Files.write(archive, new byte[4096]);
        Run fallback = posctl(cds, "validate", "-f", "x.json");
        assertEquals(0, fallback.code(), fallback.err());
        assertEquals("1 edit checked, 1 valid: 0 errors, 0 warnings\n", fallback.err());
    }

    private static List<Path> archives(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".jsa")).collect(Collectors.toList());
        }
    }
}
