package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Big inputs through the packaged jar under small heaps: memory stays flat, stdin is spooled, nothing is lost. */
class LargeInputIT {
    static final int SENT = 30_000;

    @TempDir
    Path dir;
    PackagedJar.Sandbox sandbox;
    String url;

    record Run(int code, String out, String err) {}

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = PackagedJar.sandbox("--demo-users", Integer.toString(SENT));
        url = sandbox.url();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    Run posctl(String heap, Path stdin, String... args) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> cmd = PackagedJar.command(heap, args);
        cmd.add(1, "-Djava.io.tmpdir=" + tmp);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile())
            .redirectInput(stdin != null ? stdin.toFile() : new java.io.File("/dev/null"));
        pb.environment().put("POSCTL_ENDPOINT", url);
        pb.environment().put("POSCTL_TOKEN", "t");
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "posctl " + String.join(" ", args) + " finished");
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    static Path edits(Path file, int n, String title, String lastLine) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < n; i++) {
                w.write("{\"userId\":\"user" + i + "@contoso.com\",\"id\":\"pos-" + i + "\",\"detail\":{\"jobTitle\":\"" + title + " " + i + "\"}}\n");
            }
            if (lastLine != null) {
                w.write(lastLine + "\n");
            }
        }
        return file;
    }

    @Test
    void aMillionEditsValidateInA64MegabyteHeap() throws Exception {
        Path big = edits(dir.resolve("big.ndjson"), 1_000_000, "Engineer", null);
        assertTrue(Files.size(big) > 80_000_000, "the input is larger than the heap: " + Files.size(big));
        Run r = posctl("64m", null, "validate", "-f", big.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("[]", r.out().trim());
    }

    @Test
    void stdinIsSpooledValidatedInFullAndSentUnderASmallHeap() throws Exception {
        // an error on the very last line: stdin is read to the end and nothing is sent
        Path bad = edits(dir.resolve("bad.ndjson"), SENT, "Never", "{\"userId\":\"u\",\"id\":\"p\",\"detail\":{\"layer\":\"x\"}}");
        Run refused = posctl("24m", bad, "update", "-f", "-", "-o", "ndjson");
        assertEquals(3, refused.code(), refused.err());
        assertTrue(refused.err().contains("<stdin>:" + (SENT + 1) + ":42: error: detail.layer"), refused.err());
        // the machine format still gets a document: the problem, as an object
        assertTrue(refused.out().startsWith("{\"source\":\"<stdin>\",\"line\":" + (SENT + 1) + ","), refused.out());
        assertEquals(1, refused.out().lines().count(), refused.out());
        Run untouched = posctl(null, null, "get", "--user", "user0@contoso.com", "--id", "pos-0", "-o", "json");
        assertFalse(untouched.out().contains("Never"), untouched.out());

        Path good = edits(dir.resolve("good.ndjson"), SENT, "Spooled", null);
        Run sent = posctl("24m", good, "update", "-f", "-", "-o", "ndjson", "--concurrency", "16", "--progress", "off");
        assertEquals(0, sent.code(), sent.err());
        String[] lines = sent.out().split("\n");
        assertEquals(SENT, lines.length);
        assertEquals(SENT, sent.out().split("\"status\":\"updated\"", -1).length - 1);
        assertTrue(sent.err().contains(SENT + " updated, 0 unchanged, 0 failed"), sent.err());
        Run last = posctl(null, null, "get", "--user", "user" + (SENT - 1) + "@contoso.com", "--id", "pos-" + (SENT - 1), "-o", "json");
        assertTrue(last.out().contains("\"jobTitle\" : \"Spooled " + (SENT - 1) + "\"") || last.out().contains("\"jobTitle\":\"Spooled " + (SENT - 1) + "\""),
            last.out());
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertEquals(List.of(), left.toList(), "the spool file is gone");
        }
    }

    @Test
    void runningOutOfMemorySaysSoInOneLineAndEnds() throws Exception {
        Run r = posctl("8m", edits(dir.resolve("some.ndjson"), 2_000, "Small", null), "update", "-f", "-", "-o", "ndjson");
        assertEquals(70, r.code(), r.err());
        assertTrue(r.err().contains("posctl: out of memory (") && r.err().contains("-Xmx"), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), r.err());

        // create keeps its edits in memory: running out while reading them is not an input error (was exit 3)
        Path many = dir.resolve("many.ndjson");
        try (BufferedWriter w = Files.newBufferedWriter(many)) {
            for (int i = 0; i < 200_000; i++) {
                w.write("{\"userId\":\"user" + (i % 10) + "@contoso.com\",\"detail\":{\"jobTitle\":\"C " + i + "\"}}\n");
            }
        }
        Run create = posctl("32m", many, "create", "-f", "-", "-o", "ndjson");
        assertEquals(70, create.code(), create.err());
        assertTrue(create.err().startsWith("posctl: out of memory ("), create.err());
    }

    @Test
    void runningOutOfMemoryMidRunEndsTheRunInsteadOfHangingIt() throws Exception {
        // 120 positions of 200 KB each: 16 batches of 20 in flight need far more than 16 MB
        String big = "y".repeat(200_000);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("big.ndjson"))) {
            for (int i = 0; i < 120; i++) {
                w.write("{\"userId\":\"user" + i + "@contoso.com\",\"id\":\"pos-" + i + "\",\"detail\":{\"description\":\"" + big + "\"}}\n");
            }
        }
        Run seeded = posctl(null, null, "update", "-f", dir.resolve("big.ndjson").toString(), "-q", "-o", "ndjson");
        assertEquals(0, seeded.code(), seeded.err());
        Run r = posctl("16m", edits(dir.resolve("titles.ndjson"), 120, "Mid", null), "update", "-f", "-", "--concurrency", "16",
            "-o", "ndjson", "--journal", dir.resolve("journal").toString());
        assertEquals(70, r.code(), r.err());
        assertTrue(r.err().startsWith("posctl: out of memory ("), r.err());
        assertEquals(1, r.err().split("out of memory", -1).length - 1, "said once: " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), r.err());

        Run resumed = posctl(null, edits(dir.resolve("titles.ndjson"), 120, "Mid", null), "update", "-f", "-",
            "-o", "ndjson", "--journal", dir.resolve("journal").toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains(" 0 failed"), resumed.err());
    }
}
