package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's bulk runs taken back with {@code posctl undo}, against {@code sandbox serve --chaos}:
 * every run, undo and undo of an undo is a process of its own, and the whole directory is compared
 * through {@code posctl export --all-users} before and after. The chaos draws are seeded, but the order
 * of requests from concurrent batches is not, so each run meets faults in different places.
 */
class UndoOnChaosIT {
    /** Updates are safe to send again, so they face every fault: throttled and failed items, dropped batches. */
    static final String UPDATE_CHAOS = "throttle=0.03,error=0.005,reset=0.005,latency=1ms..10ms,retryAfter=0.05";
    /**
     * A POST is never sent twice blindly (a 5xx or a dropped batch leaves its outcome unknown, exit 4, by
     * design), so creates, and undo of deletes, face throttling, which says the item was not done.
     */
    static final String CREATE_CHAOS = "throttle=0.05,latency=1ms..10ms,retryAfter=0.05";

    @TempDir
    Path dir;
    PackagedJar.Sandbox sandbox;
    int calls;

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\nstderr: " + err + "\nstdout: " + (out.length() > 2000 ? out.substring(0, 2000) + "..." : out);
        }
    }

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    void serve(int demoUsers, String chaos) throws Exception {
        sandbox = PackagedJar.sandbox("--demo-users", Integer.toString(demoUsers), "--chaos", chaos, "--seed", "15");
    }

    /** One posctl process, as a user runs it, with its own config and state directories. */
    Run posctl(String... args) throws Exception {
        int n = ++calls;
        Path out = dir.resolve("out" + n);
        Path err = dir.resolve("err" + n);
        ProcessBuilder pb = new ProcessBuilder(PackagedJar.command(null, args)).directory(dir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("POSCTL_ENDPOINT", sandbox.url());
        pb.environment().put("POSCTL_TOKEN", "t");
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("posctl " + String.join(" ", args) + " did not end in 120 s");
        }
        // in the test report: where the class's time goes, on a loaded machine
        System.out.printf("posctl %s: %d ms%n", String.join(" ", args), (System.nanoTime() - start) / 1_000_000);
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    Run ok(String... args) throws Exception {
        Run r = posctl(args);
        assertEquals(0, r.code(), () -> "posctl " + String.join(" ", args) + ": " + r);
        return r;
    }

    /** The whole directory, read in this JVM: only the writes under test need a process of their own. */
    ExportedState state() throws Exception {
        Cli.Result r = new Cli(dir).env("POSCTL_ENDPOINT", sandbox.url()).env("POSCTL_TOKEN", "t")
            .run("export", "--all-users", "-o", "ndjson", "--concurrency", "16", "--progress", "off");
        assertEquals(0, r.code(), () -> "export: " + r.err());
        return ExportedState.parse(r.out());
    }

    Path write(String name, IntStream lines, java.util.function.IntFunction<String> line) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, lines.mapToObj(line).collect(Collectors.joining("\n", "", "\n")));
        return file;
    }

    /** A wrong column mapped onto every user's job title, department and categories. */
    Path wrongMapping(int users) throws Exception {
        return write("edits.ndjson", IntStream.range(0, users), i -> "{\"userId\":\"user" + i + "@contoso.com\",\"id\":\"pos-" + i
            + "\",\"detail\":{\"jobTitle\":\"Wrong " + i + "\",\"company\":{\"department\":\"Dept " + i + "\"}},\"categories\":[\"mapped\"]}");
    }

    static void assertSame(ExportedState expected, ExportedState actual, String what) {
        assertTrue(expected.equals(actual), () -> what + ": " + actual.describeDifference(expected));
    }

    @Test
    void twoThousandUpdatesAreUndoneExactlyAndTheUndoOfTheUndoAppliesThemAgain() throws Exception {
        int users = 2000;
        serve(users, UPDATE_CHAOS);
        Path edits = wrongMapping(users);
        ExportedState before = state();

        Run run = ok("update", "-f", edits.toString(), "--journal", "run.journal", "--concurrency", "16", "--progress", "off", "-o", "ndjson");
        assertTrue(run.err().contains(users + " updated, 0 unchanged, 0 failed"), run::toString);
        ExportedState afterRun = state();
        assertEquals(users, afterRun.changedFrom(before).size(), "the run changed one position per demo user");

        Run undo = ok("undo", "--journal", "run.journal", "--concurrency", "16", "--progress", "off", "-o", "ndjson");
        assertTrue(undo.err().contains(users + " updated, 0 unchanged, 0 failed"), undo::toString);
        assertSame(before, state(), "every position as it was before the run");

        Run redo = ok("undo", "--journal", "run.journal.undo", "--concurrency", "16", "--progress", "off", "-o", "ndjson");
        assertTrue(redo.err().contains(users + " updated, 0 unchanged, 0 failed"), redo::toString);
        assertSame(afterRun, state(), "undo of the undo: every position as the run left it");
    }

    @Test
    void aPositionChangedAfterTheRunIsReportedAndLeftAloneUntilForced() throws Exception {
        int users = 100;
        serve(users, UPDATE_CHAOS);
        Path edits = wrongMapping(users);
        ExportedState before = state();
        ok("update", "-f", edits.toString(), "--journal", "run.journal", "--progress", "off", "-o", "ndjson");
        ok("update", "-u", "user7@contoso.com", "--id", "pos-7", "--job-title", "Fixed by hand", "--progress", "off", "-o", "ndjson");
        ExportedState changedByHand = state();

        Run undo = posctl("undo", "--journal", "run.journal", "--progress", "off", "-o", "ndjson");
        assertEquals(4, undo.code(), undo::toString);
        assertTrue(undo.err().contains("user7@contoso.com pos-7: conflict: changed since posctl wrote it, left alone"
            + " (--force reverses it anyway): detail.jobTitle: wrote \"Wrong 7\", now \"Fixed by hand\""), undo::toString);
        assertTrue(undo.err().contains((users - 1) + " updated, 0 unchanged, 1 failed"), undo::toString);
        assertTrue(undo.out().contains("\"errorCode\":\"conflict\""), undo::toString);
        ExportedState afterUndo = state();
        assertEquals(Set.of("user7@contoso.com"), afterUndo.changedFrom(before), "only the conflict is not restored");
        assertEquals(changedByHand.of("user7@contoso.com"), afterUndo.of("user7@contoso.com"), "the change by hand is left alone");

        Run forced = ok("undo", "--journal", "run.journal", "--resume", "--force", "--progress", "off", "-o", "ndjson");
        assertTrue(forced.err().contains("1 updated, 0 unchanged, 0 failed, " + (users - 1) + " skipped"), forced::toString);
        assertSame(before, state(), "--force reversed the conflict too");

        // the undo's journal holds what each reversal found, the change by hand included
        ok("undo", "--journal", "run.journal.undo", "--progress", "off", "-o", "ndjson");
        assertSame(changedByHand, state(), "undo of the undo: as it was before the undo");
    }

    @Test
    void aBulkCreateIsUndoneByDeletingWhatItCreated() throws Exception {
        serve(100, CREATE_CHAOS);
        int creates = 500;
        // five new positions for each of 100 users: beyond a list page of 10 for some, with every kind of field
        Path docs = write("creates.ndjson", IntStream.range(0, creates), i -> "{\"userId\":\"user" + (i % 100)
            + "@contoso.com\",\"isCurrent\":false,\"allowedAudiences\":\"organization\",\"detail\":{\"jobTitle\":\"Imported " + i
            + "\",\"company\":{\"displayName\":\"Fabrikam " + i + "\",\"address\":{\"city\":\"City " + i + "\"}},\"startMonthYear\":\"2010-0"
            + (1 + i % 9) + "-01\"},\"categories\":[\"import\",\"batch " + (i / 20) + "\"]}");
        ExportedState before = state();

        Run run = ok("create", "-f", docs.toString(), "--journal", "create.journal", "--progress", "off", "-o", "ndjson");
        assertTrue(run.err().contains(creates + " created, 0 failed"), run::toString);
        ExportedState afterCreate = state();
        assertEquals(before.positions() + creates, afterCreate.positions(), "every document created once");
        assertEquals(100, afterCreate.changedFrom(before).size());

        Run undo = ok("undo", "--journal", "create.journal", "--progress", "off", "-o", "ndjson");
        assertTrue(undo.err().contains(creates + " deleted, 0 failed"), undo::toString);
        assertSame(before, state(), "every created position deleted, nothing else touched");

        Run redo = ok("undo", "--journal", "create.journal.undo", "--progress", "off", "-o", "ndjson");
        assertTrue(redo.err().contains(creates + " created, 0 failed"), redo::toString);
        assertSame(afterCreate.withoutIds(), state().withoutIds(), "undo of the undo: the created positions again, with new ids");
    }

    @Test
    void aBulkDeleteIsUndoneByCreatingEveryPositionAgain() throws Exception {
        serve(200, CREATE_CHAOS);
        ExportedState before = state();
        // every position in the directory, the richer demo positions of adele, alex and megan included
        StringBuilder sb = new StringBuilder();
        before.users().forEach((user, positions) -> positions.forEach(p ->
            sb.append("{\"userId\":\"").append(user).append("\",\"id\":\"").append(p.get("id").asText()).append("\"}\n")));
        Files.writeString(dir.resolve("deletes.ndjson"), sb);
        int deletes = before.positions();
        assertTrue(deletes > 200, "demo users and the named ones: " + deletes);

        Run run = ok("delete", "-f", "deletes.ndjson", "--yes", "--journal", "delete.journal", "--progress", "off", "-o", "ndjson");
        assertTrue(run.err().contains(deletes + " deleted, 0 not found, 0 failed"), run::toString);
        ExportedState afterDelete = state();
        assertEquals(0, afterDelete.positions(), "every position deleted");

        Run undo = ok("undo", "--journal", "delete.journal", "--progress", "off", "-o", "ndjson");
        assertTrue(undo.err().contains(deletes + " created, 0 failed"), undo::toString);
        ExportedState afterUndo = state();
        assertSame(before.withoutIds(), afterUndo.withoutIds(), "every deleted position created again, every field as it was");
        Set<String> oldIds = ids(before);
        assertTrue(ids(afterUndo).stream().noneMatch(oldIds::contains), "the service gives new ids");
        for (String id : ids(afterUndo)) {
            assertTrue(undo.out().contains("\"id\":\"" + id + "\""), "the new id " + id + " is reported");
        }

        ok("undo", "--journal", "delete.journal.undo", "--progress", "off", "-o", "ndjson");
        assertSame(afterDelete, state(), "undo of the undo deletes them again");
    }

    static Set<String> ids(ExportedState s) {
        return s.users().values().stream().flatMap(List::stream).map(p -> p.get("id").asText())
            .collect(Collectors.toCollection(TreeSet::new));
    }
}
