package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Real processes, real signals: a killed or interrupted bulk run resumes without losing or repeating work. */
class InterruptAndResumeIT {
    static final int EDITS = 400;
    static final Pattern SUMMARY = Pattern.compile("(\\d+) updated, (\\d+) unchanged, (\\d+) failed, (\\d+) skipped");

    @TempDir
    Path dir;
    PackagedJar.Sandbox sandbox;
    String url;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = PackagedJar.sandbox("--demo-users", Integer.toString(EDITS), "--chaos", "latency=40ms", "--seed", "1");
        url = sandbox.url();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < EDITS; i++) {
            sb.append("{\"userId\":\"user").append(i).append("@contoso.com\",\"id\":\"pos-").append(i)
                .append("\",\"detail\":{\"jobTitle\":\"Resumed ").append(i).append("\"}}\n");
        }
        Files.writeString(dir.resolve("edits.ndjson"), sb);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    Process update(String... extra) throws Exception {
        List<String> cmd = PackagedJar.command(null, "update", "-f", dir.resolve("edits.ndjson").toString(), "--journal", dir.resolve("journal").toString(),
            "--concurrency", "2", "--batch-size", "5", "-o", "ndjson");
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("POSCTL_ENDPOINT", url);
        pb.environment().put("POSCTL_TOKEN", "t");
        return pb.start();
    }

    long journalDone() throws Exception {
        return Files.readAllLines(dir.resolve("journal")).stream()
            .filter(l -> l.contains("\"status\":\"updated\"") || l.contains("\"status\":\"unchanged\"")).count();
    }

    int[] summary() throws Exception {
        Matcher m = SUMMARY.matcher(Files.readString(dir.resolve("err")));
        assertTrue(m.find(), "summary in " + Files.readString(dir.resolve("err")));
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))};
    }

    void waitForProgress(long atLeast) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(dir.resolve("journal")) && journalDone() >= atLeast) {
                return;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void killedRunResumesWithoutResendingWhatIsDone() throws Exception {
        Process first = update();
        waitForProgress(40);
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long done = journalDone();
        assertTrue(done >= 40 && done < EDITS, "killed part-way: " + done);

        Process second = update("--resume");
        assertTrue(second.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue(), Files.readString(dir.resolve("err")));
        int[] s = summary();
        assertEquals(done, s[3], "everything recorded as done is skipped");
        assertEquals(0, s[2]);
        assertEquals(EDITS, s[0] + s[1] + s[3], "every edit accounted for exactly once");
        assertTrue(s[1] <= 2 * 5 * 2, "only edits in flight at the kill can be sent again (as unchanged): " + s[1]);
    }

    @Test
    void ctrlCFinishesInFlightWorkAndExits130() throws Exception {
        Process run = update();
        waitForProgress(20);
        new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor();
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("err"));
        assertEquals(130, run.exitValue(), err);
        assertTrue(err.contains("stopping: finishing the requests in flight"), err);
        assertTrue(err.contains("interrupted; run again with --resume"), err);
        int[] s = summary();
        assertTrue(s[0] < EDITS, "stopped early: " + s[0]);
        assertEquals(s[0] + s[1], journalDone(), "every finished edit is in the journal");

        Process rest = update("--resume");
        assertTrue(rest.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, rest.exitValue(), Files.readString(dir.resolve("err")));
        int[] r = summary();
        assertEquals(EDITS, r[0] + r[1] + r[3]);
        assertEquals(0, r[1], "nothing done was sent again");
    }

    @Test
    void aSecondCtrlCAbortsAtOnceAndSaysWhatMayBeLeft() throws Exception {
        // requests slow enough that the run is still finishing those in flight when the second
        // Ctrl-C comes: a run that has ended has no second Ctrl-C to answer
        sandbox.close();
        sandbox = PackagedJar.sandbox("--demo-users", Integer.toString(EDITS), "--chaos", "latency=250ms", "--seed", "1");
        url = sandbox.url();
        Process run = update();
        waitForProgress(10);
        // apart, so that the two signals are not merged into one while the first is pending
        new ProcessBuilder("sh", "-c", "kill -INT " + run.pid() + "; sleep 0.1; kill -INT " + run.pid()).start().waitFor();
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("err"));
        assertEquals(130, run.exitValue(), err);
        assertTrue(err.contains("aborted: edits in flight may or may not have been applied; run again with --resume"), err);

        Process rest = update("--resume");
        assertTrue(rest.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, rest.exitValue(), Files.readString(dir.resolve("err")));
        int[] r = summary();
        assertEquals(EDITS, r[0] + r[1] + r[3], "every edit accounted for");
        assertEquals(0, r[2]);
    }
}
