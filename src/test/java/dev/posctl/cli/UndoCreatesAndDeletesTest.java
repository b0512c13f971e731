package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** create -f and delete -f taken back from their journals, against a real sandbox: undo deletes what was made, makes what was deleted. */
class UndoCreatesAndDeletesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int USERS = 60;
    /** What the server stamps on a position, and so differs for one created again. */
    static final List<String> STAMPED = List.of("id", "createdDateTime", "createdBy", "lastModifiedDateTime", "lastModifiedBy");

    @TempDir
    Path dir;
    @RegisterExtension
    final SandboxEndpoint endpoint = new SandboxEndpoint(USERS);
    SandboxServer server;
    Cli cli;

    @BeforeEach
    void start() {
        server = endpoint.server();
        cli = endpoint.cli(dir);
    }

    /** Every user's positions as the server holds them, ids included. */
    List<JsonNode> everyPosition() {
        List<JsonNode> all = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            for (ObjectNode p : server.store().list("user" + i + "@contoso.com")) {
                all.add(UndoCommandTest.comparable(p.deepCopy()));
            }
        }
        return all;
    }

    /** n new positions, one each for users 0..n-1 (wrapping), job titles "New 0" ... */
    void newPositions(int n) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"userId\":\"user").append(i % USERS).append("@contoso.com\",\"isCurrent\":false,\"detail\":{\"jobTitle\":\"New ")
                .append(i).append("\",\"startMonthYear\":\"2024-01-01\",\"company\":{\"displayName\":\"Fabrikam\"}}}\n");
        }
        Files.writeString(dir.resolve("new.ndjson"), sb.toString());
    }

    /** The seeded positions pos-from .. pos-(to-1) to delete. */
    void seeded(int from, int to) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("{\"userId\":\"user").append(i).append("@contoso.com\",\"id\":\"pos-").append(i).append("\"}\n");
        }
        Files.writeString(dir.resolve("gone.ndjson"), sb.toString());
    }

    static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String s : out.lines().toList()) {
            l.add(JSON.readTree(s));
        }
        return l;
    }

    /** A position less what the server stamps: what a position created again must hold. */
    static JsonNode fields(JsonNode p) {
        ObjectNode f = (ObjectNode) UndoCommandTest.comparable(((ObjectNode) p).deepCopy());
        f.remove(STAMPED);
        return f;
    }

    @Test
    void undoOfACreateDeletesExactlyThePositionsItMade() throws Exception {
        List<JsonNode> before = everyPosition();
        newPositions(50);
        Cli.Result run = cli.run("create", "-f", "new.ndjson", "--journal", "run.ndjson", "-o", "ndjson", "--progress", "off");
        assertEquals(0, run.code(), run::toString);
        assertEquals(USERS + 50, everyPosition().size());
        Set<String> made = new HashSet<>();
        lines(run.out()).forEach(o -> made.add(o.get("id").asText()));
        assertEquals(50, made.size(), run::toString);

        Cli.Result undo = cli.run("undo", "--journal", "run.ndjson", "-o", "ndjson", "--progress", "off");
        assertEquals(0, undo.code(), undo::toString);
        List<JsonNode> out = lines(undo.out());
        assertEquals(50, out.size(), undo::toString);
        Set<String> deleted = new HashSet<>();
        for (JsonNode o : out) {
            assertEquals("deleted", o.get("status").asText(), o::toString);
            deleted.add(o.get("id").asText());
        }
        assertEquals(made, deleted, "exactly the positions the run made");
        assertTrue(undo.err().contains("50 deleted"), undo::toString);
        assertEquals(before, everyPosition(), "every position the run found is still there, and nothing else");
    }

    @Test
    void aCreatedPositionChangedSinceIsAConflictLeftAloneUnlessForced() throws Exception {
        newPositions(5);
        Cli.Result run = cli.run("create", "-f", "new.ndjson", "--journal", "run.ndjson", "-o", "ndjson", "--progress", "off");
        assertEquals(0, run.code(), run::toString);
        String changedId = lines(run.out()).stream().filter(o -> o.at("/position/detail/jobTitle").asText().equals("New 2"))
            .findFirst().orElseThrow().get("id").asText();
        Cli.Result meddle = cli.run("update", "--user", "user2@contoso.com", "--id", changedId, "--job-title", "Kept by hand");
        assertEquals(0, meddle.code(), meddle::toString);

        Cli.Result undo = cli.run("undo", "--journal", "run.ndjson", "-o", "ndjson", "--progress", "off");
        assertEquals(4, undo.code(), undo::toString);
        assertTrue(undo.err().contains("user2@contoso.com " + changedId + ": conflict: changed since posctl wrote it")
            && undo.err().contains("detail.jobTitle: wrote \"New 2\", now \"Kept by hand\""), undo::toString);
        assertTrue(undo.err().contains("4 deleted") && undo.err().contains("1 failed"), undo::toString);
        assertTrue(server.store().get("user2@contoso.com", changedId).isPresent(), "left alone");
        assertEquals(List.of("pos-3"), server.store().list("user3@contoso.com").stream().map(p -> p.get("id").asText()).toList());

        Cli.Result forced = cli.run("undo", "--journal", "run.ndjson", "--resume", "--force", "-o", "ndjson", "--progress", "off");
        assertEquals(0, forced.code(), forced::toString);
        assertTrue(forced.err().contains("1 deleted") && forced.err().contains("4 skipped"), forced::toString);
        assertFalse(server.store().get("user2@contoso.com", changedId).isPresent(), "forced: deleted anyway");
    }

    @Test
    void undoOfADeleteCreatesEveryPositionAgainAndUndoOfThatDeletesThemAgain() throws Exception {
        List<JsonNode> before = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            before.add(fields(server.store().get("user" + i + "@contoso.com", "pos-" + i).orElseThrow()));
        }
        seeded(0, 30);
        Cli.Result run = cli.run("delete", "-f", "gone.ndjson", "--yes", "--journal", "run.ndjson", "-o", "ndjson", "--progress", "off");
        assertEquals(0, run.code(), run::toString);
        for (int i = 0; i < 30; i++) {
            assertTrue(server.store().list("user" + i + "@contoso.com").isEmpty());
        }
        List<JsonNode> untouched = everyPosition();

        Cli.Result undo = cli.run("undo", "--journal", "run.ndjson", "-o", "ndjson", "--progress", "off");
        assertEquals(0, undo.code(), undo::toString);
        assertTrue(undo.err().contains("30 created"), undo::toString);
        List<JsonNode> out = lines(undo.out());
        assertEquals(30, out.size(), undo::toString);
        for (JsonNode o : out) {
            assertEquals("created", o.get("status").asText(), o::toString);
            int i = Integer.parseInt(o.get("user").asText().replaceAll("\\D", ""));
            String newId = o.get("id").asText();
            assertNotEquals("pos-" + i, newId, "a new position has a new id, reported: " + o);
            JsonNode now = server.store().get("user" + i + "@contoso.com", newId).orElseThrow(() -> new AssertionError("no " + o));
            assertEquals(before.get(i), fields(now), "every field back, read-only ones aside");
            assertEquals(1, server.store().list("user" + i + "@contoso.com").size());
        }

        Cli.Result redo = cli.run("undo", "--journal", "run.ndjson.undo", "-o", "ndjson", "--progress", "off");
        assertEquals(0, redo.code(), redo::toString);
        assertTrue(redo.err().contains("30 deleted"), redo::toString);
        assertEquals(untouched, everyPosition(), "undoing the undo deletes them again, and nothing else");
    }

    @Test
    void aDeleteCutOffInFlightAndFoundGoneOnResumeIsStillUndone() throws Exception {
        List<JsonNode> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(fields(server.store().get("user" + i + "@contoso.com", "pos-" + i).orElseThrow()));
        }
        seeded(0, 3);
        assertEquals(0, cli.run("delete", "-f", "gone.ndjson", "--yes", "--journal", "run.ndjson", "--progress", "off").code());
        // what a kill leaves: pos-1's DELETE landed, its outcome never recorded
        Path journal = dir.resolve("run.ndjson");
        List<String> kept = Files.readAllLines(journal).stream()
            .filter(l -> !(l.contains("\"id\":\"pos-1\"") && l.contains("\"status\":\"deleted\""))).toList();
        assertEquals(5, kept.size(), kept::toString);
        Files.write(journal, kept);
        Cli.Result resumed = cli.run("delete", "-f", "gone.ndjson", "--yes", "--journal", "run.ndjson", "--resume", "-o", "ndjson",
            "--progress", "off");
        assertEquals(0, resumed.code(), resumed::toString);

        Cli.Result undo = cli.run("undo", "--journal", "run.ndjson", "-o", "ndjson", "--progress", "off");
        assertEquals(0, undo.code(), undo::toString);
        assertTrue(undo.err().contains("3 created"), "the delete the killed run made is taken back too: " + undo);
        for (int i = 0; i < 3; i++) {
            List<ObjectNode> now = server.store().list("user" + i + "@contoso.com");
            assertEquals(1, now.size(), undo::toString);
            assertEquals(before.get(i), fields(now.get(0)));
        }
    }

    @Test
    void dryRunOfTheUndoOfADeletePrintsThePostsAndMakesNothing() throws Exception {
        seeded(0, 3);
        assertEquals(0, cli.run("delete", "-f", "gone.ndjson", "--yes", "--journal", "run.ndjson", "--progress", "off").code());
        List<JsonNode> after = everyPosition();
        Cli.Result plan = cli.run("undo", "--journal", "run.ndjson", "--dry-run", "-o", "ndjson");
        assertEquals(0, plan.code(), plan::toString);
        List<JsonNode> out = lines(plan.out());
        assertEquals(3, out.size(), plan::toString);
        for (JsonNode o : out) {
            assertEquals("planned", o.get("status").asText(), o::toString);
            assertEquals("POST", o.at("/request/method").asText(), o::toString);
            assertEquals("Engineer", o.at("/request/body/detail/jobTitle").asText(), o::toString);
            assertFalse(o.at("/request/body").has("id") || o.at("/request/body").has("createdDateTime"), "no read-only field: " + o);
        }
        assertEquals(after, everyPosition());
        assertFalse(Files.exists(dir.resolve("run.ndjson.undo")), "a dry run keeps no journal");
    }

    /** The junit report's tests and failures, and the counts in the summary on stderr. */
    void reportMatchesSummary(Cli.Result r, String report, long tests, long failures) throws Exception {
        Element suite = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve(report).toFile())
            .getElementsByTagName("testsuite").item(0);
        assertEquals(String.valueOf(tests), suite.getAttribute("tests"), r::toString);
        assertEquals(String.valueOf(failures), suite.getAttribute("failures"), r::toString);
        Matcher m = Pattern.compile("(\\d+) failed").matcher(r.err());
        assertTrue(m.find(), r::toString);
        assertEquals(failures, Long.parseLong(m.group(1)), "the report fails what the summary counts as failed: " + r);
        long summed = 0;
        Matcher counts = Pattern.compile("(\\d+) (deleted|created|updated|unchanged|not found|failed|skipped|unknown)").matcher(r.err());
        while (counts.find()) {
            summed += Long.parseLong(counts.group(1));
        }
        assertEquals(tests, summed, "one test case per outcome the summary counts: " + r);
    }

    @Test
    void junitReportsOfDeleteAndUndoCountWhatTheSummarySays() throws Exception {
        seeded(0, 10);
        Files.writeString(dir.resolve("gone.ndjson"), Files.readString(dir.resolve("gone.ndjson"))
            + "{\"userId\":\"user0@contoso.com\",\"id\":\"pos-nope\"}\n");
        Cli.Result delete = cli.run("delete", "-f", "gone.ndjson", "--yes", "--journal", "run.ndjson", "--report", "d.xml",
            "--report-format", "junit", "--progress", "off");
        assertEquals(0, delete.code(), delete::toString);
        assertTrue(delete.err().contains("10 deleted, 1 not found"), delete::toString);
        reportMatchesSummary(delete, "d.xml", 11, 0);

        Cli.Result undo = cli.run("undo", "--journal", "run.ndjson", "--report", "u.xml", "--report-format", "junit", "--progress", "off");
        assertEquals(0, undo.code(), undo::toString);
        reportMatchesSummary(undo, "u.xml", 10, 0);

        // an undo with a conflict: the report fails it as the summary does
        newPositions(3);
        Cli.Result made = cli.run("create", "-f", "new.ndjson", "--journal", "made.ndjson", "-o", "ndjson", "--progress", "off");
        assertEquals(0, made.code(), made::toString);
        String id = lines(made.out()).get(0).get("id").asText();
        String user = lines(made.out()).get(0).get("user").asText();
        assertEquals(0, cli.run("update", "--user", user, "--id", id, "--job-title", "Kept").code());
        Cli.Result conflict = cli.run("undo", "--journal", "made.ndjson", "--report", "c.xml", "--report-format", "junit", "--progress", "off");
        assertEquals(4, conflict.code(), conflict::toString);
        reportMatchesSummary(conflict, "c.xml", 3, 1);
    }
}
