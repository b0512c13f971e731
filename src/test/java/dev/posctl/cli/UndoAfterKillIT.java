package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real process killed with SIGKILL mid-run, then undone: what it applied, and only that, goes back. */
class UndoAfterKillIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int USERS = 300;
    static final java.util.regex.Pattern JSON_USER = java.util.regex.Pattern.compile("\"user\":\"([^\"]+)\"");
    static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("\"key\":\"([0-9a-f]+)\"");

    @TempDir
    Path dir;
    PackagedJar.Sandbox sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        // throttled items wait for their retry while others go on: the kill finds writes at every stage
        sandbox = PackagedJar.sandbox("--demo-users", Integer.toString(USERS), "--chaos", "throttle=0.05,latency=40ms,retryAfter=0.05",
            "--seed", "1");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < USERS; i++) {
            sb.append("{\"userId\":\"user").append(i).append("@contoso.com\",\"id\":\"pos-").append(i)
                .append("\",\"detail\":{\"jobTitle\":\"Wrong ").append(i).append("\"},\"categories\":[\"mapped\"]}\n");
        }
        Files.writeString(dir.resolve("edits.ndjson"), sb);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    /** What {@code posctl list} shows for every user, less what the server stamps on each write. */
    List<JsonNode> everyList() throws Exception {
        return everyUser().values().stream().flatMap(List::stream).toList();
    }

    /** {@link #everyList()} by user, in user order; several lists at once (each waits out the latency). */
    java.util.Map<String, List<JsonNode>> everyUser() throws Exception {
        Cli cli = new Cli(dir).env("POSCTL_ENDPOINT", sandbox.url()).env("POSCTL_TOKEN", "t");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            java.util.Map<String, Future<Cli.Result>> lists = new java.util.LinkedHashMap<>();
            for (int i = 0; i < USERS; i++) {
                String user = "user" + i + "@contoso.com";
                lists.put(user, pool.submit(() -> cli.run("list", "--user", user, "-o", "json")));
            }
            java.util.Map<String, List<JsonNode>> all = new java.util.LinkedHashMap<>();
            for (var e : lists.entrySet()) {
                Cli.Result r = e.getValue().get();
                assertEquals(0, r.code(), r::toString);
                List<JsonNode> positions = new ArrayList<>();
                for (JsonNode p : JSON.readTree(r.out())) {
                    positions.add(UndoCommandTest.comparable((ObjectNode) p));
                }
                all.put(e.getKey(), positions);
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs undo of the journal to its end; its stderr, once its exit code is the one expected. */
    private String undo(int expectedExit) throws Exception {
        Process undo = posctl("undo", "--journal", dir.resolve("journal").toString(), "--progress", "off", "-o", "ndjson");
        assertTrue(undo.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(dir.resolve("err"));
        assertEquals(expectedExit, undo.exitValue(), err);
        return err;
    }

    Process posctl(String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(PackagedJar.command(null, args))
            .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("POSCTL_ENDPOINT", sandbox.url());
        pb.environment().put("POSCTL_TOKEN", "t");
        return pb.start();
    }

    /** Writes the journal announces (sending, deleting, creating) whose outcome it does not record yet. */
    long inFlight() throws Exception {
        return inFlightLines().size();
    }

    java.util.Collection<String> inFlightLines() throws Exception {
        Path journal = dir.resolve("journal");
        if (!Files.exists(journal)) {
            return List.of();
        }
        java.util.Map<String, String> sent = new java.util.HashMap<>();
        for (String l : Files.readAllLines(journal)) {
            java.util.regex.Matcher m = KEY.matcher(l);
            if (m.find()) {
                if (l.contains("\"status\":\"sending\"") || l.contains("\"status\":\"deleting\"") || l.contains("\"status\":\"creating\"")) {
                    sent.put(m.group(1), l);
                } else {
                    sent.remove(m.group(1));
                }
            }
        }
        return sent.values();
    }

    long recorded(String status) throws Exception {
        Path journal = dir.resolve("journal");
        return !Files.exists(journal) ? 0 : Files.readAllLines(journal).stream().filter(l -> l.contains("\"status\":\"" + status + "\"")).count();
    }

    /**
     * Kills a run once the journal records {@code atLeast} outcomes and writes are in flight: most likely
     * inside the sandbox's 40 ms latency, so that a write lands after the kill.
     */
    void killMidway(Process run, String status, int atLeast) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!(recorded(status) >= atLeast && inFlight() > 0) && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
        Thread.sleep(15);
        run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(500);  // the sandbox finishes the batches it had taken in
    }

    @Test
    void aKilledRunIsUndoneExactlyAsFarAsItGot() throws Exception {
        List<JsonNode> before = everyList();
        Process run = posctl("update", "-f", dir.resolve("edits.ndjson").toString(), "--journal", dir.resolve("journal").toString(),
            "--concurrency", "2", "--batch-size", "5", "-o", "ndjson");
        // killed with writes in flight: announced in the journal, their outcomes not yet recorded
        killMidway(run, "updated", 40);
        List<JsonNode> after = everyList();
        long changed = 0;
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed++;
            }
        }
        long updated = recorded("updated");
        System.out.println("killed with " + changed + " positions changed, " + updated + " updates recorded");
        assertTrue(changed >= 40 && changed < USERS, "killed part-way: " + changed);
        assertTrue(changed >= updated, changed + " changed, " + updated + " recorded as updated");

        String err = undo(0);
        assertTrue(err.contains(changed + " updated, "), "every write that landed, recorded (" + updated
            + ") or in flight, and no other: " + err);
        assertEquals(before, everyList(), "every position is as it was before the run");
    }

    @Test
    void aKilledDeleteRunIsUndoneByCreatingAgainWhatItDeleted() throws Exception {
        List<JsonNode> before = everyList();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < USERS; i++) {
            sb.append("{\"userId\":\"user").append(i).append("@contoso.com\",\"id\":\"pos-").append(i).append("\"}\n");
        }
        Files.writeString(dir.resolve("deletes.ndjson"), sb);
        Process run = posctl("delete", "-f", dir.resolve("deletes.ndjson").toString(), "--yes", "--journal", dir.resolve("journal").toString(),
            "--concurrency", "2", "--batch-size", "5", "-o", "ndjson");
        killMidway(run, "deleted", 40);
        long gone = USERS - everyList().size();
        long deleted = recorded("deleted");
        System.out.println("killed with " + gone + " positions deleted, " + deleted + " deletes recorded");
        assertTrue(gone >= 40 && gone < USERS, "killed part-way: " + gone);
        assertTrue(gone >= deleted, gone + " gone, " + deleted + " recorded as deleted");

        String err = undo(0);
        assertTrue(err.contains(gone + " created, "), "every delete that landed, recorded (" + deleted
            + ") or in flight, and no other: " + err);
        assertEquals(asCreatedAgain(before), asCreatedAgain(everyList()), "every position as it was before the run, but for its new id");
    }

    /** What a position created again keeps: all but its id and the service's record of its creation. */
    static List<JsonNode> asCreatedAgain(List<JsonNode> positions) {
        return positions.stream().map(p -> (JsonNode) ((ObjectNode) p.deepCopy()).without(List.of("id", "createdDateTime", "createdBy")))
            .toList();
    }

    @Test
    void aKilledCreateRunIsUndoneAsFarAsItKnowsAndNamesWhatItCannotKnow() throws Exception {
        java.util.Map<String, List<JsonNode>> before = everyUser();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < USERS; i++) {
            sb.append("{\"userId\":\"user").append(i).append("@contoso.com\",\"isCurrent\":false,\"detail\":{\"jobTitle\":\"Extra ")
                .append(i).append("\",\"company\":{\"displayName\":\"Fabrikam\"}}}\n");
        }
        Files.writeString(dir.resolve("creates.ndjson"), sb);
        Process run = posctl("create", "-f", dir.resolve("creates.ndjson").toString(), "--journal", dir.resolve("journal").toString(),
            "--concurrency", "2", "--batch-size", "5", "-o", "ndjson");
        killMidway(run, "created", 40);
        long made = everyList().size() - USERS;
        long created = recorded("created");
        // a create's new id comes only in its answer: one in flight at the kill may exist, and nobody knows its id
        List<String> unknown = inFlightLines().stream().map(l -> JSON_USER.matcher(l)).filter(java.util.regex.Matcher::find)
            .map(m -> m.group(1)).toList();
        System.out.println("killed with " + made + " positions created, " + created + " recorded, " + unknown.size() + " unknown");
        assertTrue(created >= 40 && made < USERS, "killed part-way: " + made);
        assertTrue(made >= created && made <= created + unknown.size(), made + " made, " + created + " recorded, " + unknown.size() + " in flight");

        String err = undo(unknown.isEmpty() ? 0 : 4);
        assertTrue(err.contains(created + " deleted, "), "every create recorded, and no other: " + err);
        for (String user : unknown) {
            assertTrue(err.contains("not reversible: this create's outcome is unknown") && err.contains("check with posctl list --user " + user),
                "the create in flight for " + user + " is named: " + err);
        }
        java.util.Map<String, List<JsonNode>> after = everyUser();
        for (String user : after.keySet()) {
            if (!unknown.contains(user)) {
                assertEquals(before.get(user), after.get(user), user + ": as before the run");
            }
        }
        assertEquals(made - created, after.values().stream().mapToInt(List::size).sum() - USERS, "only creates whose answer never came are left");
    }
}
