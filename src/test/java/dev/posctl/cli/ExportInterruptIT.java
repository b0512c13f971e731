package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process and a real SIGTERM halfway through an export: what it had read is written whole,
 * the summary counts the users it did not export, and it exits 130.
 */
class ExportInterruptIT {
    static final int USERS = 400;
    static final Pattern NOT_EXPORTED = Pattern.compile("exported (\\d+) users? .*, (\\d+) not exported \\(interrupted\\)");

    @TempDir
    Path dir;
    PackagedJar.Sandbox sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        // slow answers, so that a signal lands while batches are still to be sent
        sandbox = PackagedJar.sandbox("--demo-users", Integer.toString(USERS), "--chaos", "latency=150ms", "--seed", "1");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < USERS; i++) {
            sb.append("user").append(i).append("@contoso.com\n");
        }
        Files.writeString(dir.resolve("users.txt"), sb);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void sigtermEndsTheYamlStreamAfterAWholeDocumentAndCountsTheRest() throws Exception {
        Process p = export("-o", "yaml");
        try {
            awaitThat(() -> size(dir.resolve("out")) > 0, p);
            p.destroy();  // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ended");
            String err = read("err");
            assertEquals(130, p.exitValue(), err);
            List<JsonNode> docs = new ArrayList<>();
            new YAMLMapper().readerFor(JsonNode.class).readValues(dir.resolve("out").toFile()).forEachRemaining(d -> docs.add((JsonNode) d));
            for (int i = 0; i < docs.size(); i++) {
                assertEquals("user" + i + "@contoso.com", docs.get(i).path("userId").asText(), "document " + i);
                assertEquals(1, docs.get(i).path("positions").size(), "document " + i + " is whole");
            }
            assertCounted(err, docs.size());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void sigtermLeavesOnlyWholeFilesUnderDir() throws Exception {
        Path out = dir.resolve("export");
        Process p = export("--dir", out.toString());
        try {
            awaitThat(() -> files(out).size() > 0, p);
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ended");
            String err = read("err");
            assertEquals(130, p.exitValue(), err);
            List<Path> written = files(out);
            for (Path f : written) {
                assertTrue(f.getFileName().toString().endsWith(".yaml"), "no temporary file left: " + f);
                assertEquals(1, new YAMLMapper().readTree(f.toFile()).path("positions").size(), f + " is whole");
            }
            assertCounted(err, written.size());
        } finally {
            p.destroyForcibly();
        }
    }

    /** The summary's counts add up to every user named, and what was written is what it says was exported. */
    static void assertCounted(String err, int written) {
        Matcher m = NOT_EXPORTED.matcher(err);
        assertTrue(m.find(), err);
        assertEquals(written, Integer.parseInt(m.group(1)), err);
        assertTrue(Integer.parseInt(m.group(2)) > 0, "stopped before the end: " + err);
        assertEquals(USERS, written + Integer.parseInt(m.group(2)), err);
        assertTrue(err.contains("posctl: interrupted"), err);
        assertFalse(err.contains("Exception"), err);
    }

    Process export(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("export", "-f", dir.resolve("users.txt").toString(), "--concurrency", "1", "--progress", "off"));
        all.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(PackagedJar.command(null, all.toArray(String[]::new)))
            .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("POSCTL_") || k.startsWith("XDG_"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("POSCTL_ENDPOINT", sandbox.url());
        pb.environment().put("POSCTL_TOKEN", "t");
        return pb.start();
    }

    void awaitThat(BooleanSupplier condition, Process p) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), () -> "the export started writing: " + read("err"));
    }

    static List<Path> files(Path d) {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    static long size(Path f) {
        try {
            return Files.exists(f) ? Files.size(f) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (java.io.IOException e) {
            return "(" + name + " unreadable)";
        }
    }
}
