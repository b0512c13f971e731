package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar with its journal or its stdout on a full disk (Linux's /dev/full). */
class UnwritableOutputIT {
    static final int EDITS = 300;

    @TempDir
    Path dir;
    PackagedJar.Sandbox sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = PackagedJar.sandbox("--demo-users", Integer.toString(EDITS), "--chaos", "latency=20ms", "--seed", "1");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < EDITS; i++) {
            sb.append("{\"userId\":\"user").append(i).append("@contoso.com\",\"id\":\"pos-").append(i)
                .append("\",\"detail\":{\"jobTitle\":\"Full ").append(i).append("\"}}\n");
        }
        Files.writeString(dir.resolve("edits.ndjson"), sb);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    int run(File stdout, String... extra) throws Exception {
        List<String> cmd = PackagedJar.command(null, "update", "-f", dir.resolve("edits.ndjson").toString(),
            "--concurrency", "2", "--batch-size", "5", "-o", "ndjson");
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout).redirectError(dir.resolve("err").toFile());
        pb.environment().put("POSCTL_ENDPOINT", sandbox.url());
        pb.environment().put("POSCTL_TOKEN", "t");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        return p.exitValue();
    }

    @Test
    void aJournalOnAFullDiskStopsTheRunAndExits7() throws Exception {
        int code = run(dir.resolve("out").toFile(), "--journal", "/dev/full");
        String err = Files.readString(dir.resolve("err"));
        assertEquals(7, code, err);
        assertTrue(err.contains("/dev/full: cannot write: no space left on device"), err);
        assertFalse(err.contains("internal error") || err.contains("Exception"), err);
        List<String> results = Files.readAllLines(dir.resolve("out"));
        assertTrue(!results.isEmpty() && results.size() <= 2 * 2 * 5, "only the edits in flight: " + results.size());
        // each write is recorded before it goes out (for undo): none can be, so none is sent
        assertTrue(results.stream().allMatch(l -> l.contains("not sent: the journal cannot be written")), results::toString);
        Matcher m = Pattern.compile(results.size() + " failed, 0 skipped, (\\d+) not sent").matcher(err);
        assertTrue(m.find(), err);
        assertEquals(EDITS - results.size(), Integer.parseInt(m.group(1)), err);
    }

    @Test
    void resultsThatCannotReachStdoutAreAnError() throws Exception {
        int code = run(new File("/dev/full"));
        String err = Files.readString(dir.resolve("err"));
        assertEquals(7, code, err);
        assertTrue(err.contains("posctl: cannot write the output: no space left on device"), err);
        assertTrue(err.contains(EDITS + " updated"), "the edits went out: " + err);
    }
}
