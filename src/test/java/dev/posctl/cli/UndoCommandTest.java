package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A bulk update taken back from its journal, against a real sandbox: exactly, and no further than it went. */
class UndoCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int USERS = 200;

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

    /** A wrong title mapped onto every user, and a category none of them had: a field that did not exist before. */
    static String wrongTitles(int from, int to) {
        StringBuilder edits = new StringBuilder();
        for (int i = from; i < to; i++) {
            edits.append("{\"userId\":\"user").append(i).append("@contoso.com\",\"id\":\"pos-").append(i)
                .append("\",\"detail\":{\"jobTitle\":\"Wrong ").append(i).append("\"},\"categories\":[\"mapped\"]}\n");
        }
        return edits.toString();
    }

    /** Every user's positions as a list shows them, less what the server stamps on each write. */
    List<JsonNode> everyPosition() {
        List<JsonNode> all = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            for (ObjectNode p : server.store().list("user" + i + "@contoso.com")) {
                all.add(comparable(p.deepCopy()));
            }
        }
        return all;
    }

    /** Graph reads a null and an absent property alike; lastModified* are the server's record of the writes. */
    static JsonNode comparable(ObjectNode p) {
        p.remove(List.of("lastModifiedDateTime", "lastModifiedBy"));
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            if (it.next().getValue().isNull()) {
                it.remove();
            }
        }
        return p;
    }

    Cli.Result update(String edits, String journal) {
        return cli.stdin(edits).run("update", "-f", "-", "--journal", journal, "-o", "ndjson", "--progress", "off");
    }

    @Test
    void undoRestoresEveryPositionAndUndoOfTheUndoAppliesTheRunAgain() throws Exception {
        List<JsonNode> before = everyPosition();
        Cli.Result run = update(wrongTitles(0, USERS) + "{\"userId\":\"user0@contoso.com\",\"id\":\"pos-0\",\"isCurrent\":true}\n", "run.ndjson");
        assertEquals(0, run.code(), run::toString);
        List<JsonNode> after = everyPosition();
        assertFalse(before.equals(after));

        List<String> lines = Files.readAllLines(dir.resolve("run.ndjson"));
        JsonNode updated = JSON.readTree(lines.stream().filter(l -> l.contains("\"updated\"")).findFirst().orElseThrow());
        assertEquals(2, updated.get("v").asInt(), "each record names its format's version");
        assertTrue(updated.at("/before/categories").isNull(), "a field absent before is recorded as null: " + updated);
        assertEquals("Engineer", updated.at("/before/detail/jobTitle").asText());
        assertEquals("Contoso", updated.at("/written/detail/company/displayName").asText(), "what the merged PATCH wrote");
        JsonNode unchanged = JSON.readTree(lines.stream().filter(l -> l.contains("\"unchanged\"")).findFirst().orElseThrow());
        assertFalse(unchanged.has("before") || unchanged.has("written"), "nothing to undo, nothing kept: " + unchanged);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve("run.ndjson"))), "it holds profile data: its owner's only");

        Cli.Result undo = cli.run("undo", "--journal", "run.ndjson", "-o", "ndjson", "--progress", "off");
        assertEquals(0, undo.code(), undo::toString);
        assertTrue(undo.err().contains(USERS + " updated, 0 unchanged, 0 failed"), undo::toString);
        assertEquals(before, everyPosition(), "every position is back as it was");

        Cli.Result redo = cli.run("undo", "--journal", "run.ndjson.undo", "-o", "ndjson", "--progress", "off");
        assertEquals(0, redo.code(), redo::toString);
        assertEquals(after, everyPosition(), "undoing the undo applies the run again");
    }

    @Test
    void aPositionChangedSinceTheRunIsAConflictLeftAloneUnlessForced() throws Exception {
        assertEquals(0, update(wrongTitles(0, 30), "run.ndjson").code());
        Cli.Result meddle = cli.run("update", "--user", "user7@contoso.com", "--id", "pos-7", "--job-title", "Fixed by hand");
        assertEquals(0, meddle.code(), meddle::toString);

        Cli.Result undo = cli.run("undo", "--journal", "run.ndjson", "-o", "ndjson", "--progress", "off");
        assertEquals(4, undo.code(), undo::toString);
        assertTrue(undo.err().contains("user7@contoso.com pos-7: conflict: changed since posctl wrote it")
            && undo.err().contains("detail.jobTitle: wrote \"Wrong 7\", now \"Fixed by hand\""), undo::toString);
        assertTrue(undo.err().contains("29 updated, 0 unchanged, 1 failed"), undo::toString);
        assertEquals("Fixed by hand", server.store().get("user7@contoso.com", "pos-7").orElseThrow().at("/detail/jobTitle").asText(),
            "left alone");
        assertEquals("Engineer", server.store().get("user8@contoso.com", "pos-8").orElseThrow().at("/detail/jobTitle").asText());

        Cli.Result again = cli.run("undo", "--journal", "run.ndjson", "--progress", "off");
        assertEquals(2, again.code(), "its journal records an undo: starting afresh would lose it: " + again);

        Cli.Result forced = cli.run("undo", "--journal", "run.ndjson", "--resume", "--force", "-o", "ndjson", "--progress", "off");
        assertEquals(0, forced.code(), forced::toString);
        assertTrue(forced.err().contains("1 updated, 0 unchanged, 0 failed, 29 skipped"), forced::toString);
        assertEquals("Engineer", server.store().get("user7@contoso.com", "pos-7").orElseThrow().at("/detail/jobTitle").asText());
    }

    @Test
    void aRunCutOffMidwayIsUndoneExactlyAsFarAsItGot() throws Exception {
        List<JsonNode> before = everyPosition();
        assertEquals(0, update(wrongTitles(0, 50), "run.ndjson").code());
        Path journal = dir.resolve("run.ndjson");
        // what a SIGKILL leaves: users 40-49 written with their outcomes never recorded (in flight), user 60's
        // write announced but never landed, and the last record cut short
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(journal)) {
            boolean inFlight = line.matches(".*\"user\":\"user4\\d@contoso.com\".*") && line.contains("\"status\":\"updated\"");
            if (!inFlight) {
                kept.add(line);
            }
        }
        JsonNode seeded = JSON.valueToTree(server.store().get("user60@contoso.com", "pos-60").orElseThrow());
        ObjectNode sending = JSON.createObjectNode().put("v", 2).put("key", "60").put("user", "user60@contoso.com")
            .put("id", "pos-60").put("status", "sending");
        sending.putObject("before").set("detail", seeded.get("detail"));
        ((ObjectNode) sending.putObject("written").set("detail", seeded.get("detail").deepCopy())).with("detail").put("jobTitle", "Wrong 60");
        kept.add(sending.toString());
        Files.writeString(journal, String.join("\n", kept) + "\n{\"v\":2,\"key\":\"00ff\",\"source\":\"<stdin>\",\"line\":51,\"st");
        assertEquals("Wrong 45", server.store().get("user45@contoso.com", "pos-45").orElseThrow().at("/detail/jobTitle").asText());
        String untouched = server.store().get("user60@contoso.com", "pos-60").orElseThrow().toString();

        Cli.Result undo = cli.run("undo", "--journal", "run.ndjson", "-o", "json", "--progress", "off");
        assertEquals(0, undo.code(), undo::toString);
        assertEquals(51, JSON.readTree(undo.out()).size(), "the 50 writes made, the one announced, nothing for the cut line");
        assertTrue(undo.err().contains("50 updated, 1 unchanged, 0 failed"), undo::toString);
        assertEquals(before, everyPosition(), "the writes in flight are reversed too");
        assertEquals(untouched, server.store().get("user60@contoso.com", "pos-60").orElseThrow().toString(), "never landed, never written");
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws Exception {
        assertEquals(0, update(wrongTitles(0, 3), "run.ndjson").code());
        List<JsonNode> after = everyPosition();
        Cli.Result plan = cli.run("undo", "--journal", "run.ndjson", "--dry-run", "-o", "json");
        assertEquals(0, plan.code(), plan::toString);
        JsonNode results = JSON.readTree(plan.out());
        assertEquals(3, results.size());
        assertEquals("planned", results.get(0).get("status").asText());
        JsonNode body = results.get(0).at("/request/body");
        assertEquals("Engineer", body.at("/detail/jobTitle").asText(), plan::toString);
        assertTrue(body.get("categories").isNull(), "a field absent before is sent as null: " + body);
        assertEquals(after, everyPosition());
        assertFalse(Files.exists(dir.resolve("run.ndjson.undo")), "a dry run keeps no journal");
    }

    @Test
    void whatCannotBeUndoneIsSaidAndNotGuessed() throws Exception {
        assertEquals(0, cli.stdin(wrongTitles(0, 2)).run("update", "-f", "-", "--no-merge", "--journal", "nomerge.ndjson").code());
        Cli.Result undo = cli.run("undo", "--journal", "nomerge.ndjson", "--progress", "off", "-o", "json");
        assertEquals(4, undo.code(), undo::toString);
        assertTrue(undo.err().contains("not reversible: the run did not read the position before writing (--no-merge)"), undo::toString);
        JsonNode results = JSON.readTree(undo.out());
        assertEquals(2, results.size(), undo::toString);
        assertEquals("notReversible", results.get(0).get("errorCode").asText());
        assertTrue(undo.err().contains("0 updated, 0 unchanged, 2 failed"), undo::toString);

        Files.writeString(dir.resolve("edits.ndjson"), wrongTitles(0, 1));
        Cli.Result notJournal = cli.run("undo", "--journal", "edits.ndjson");
        assertEquals(3, notJournal.code(), notJournal::toString);
        assertTrue(notJournal.err().contains("edits.ndjson: not a posctl journal"), notJournal::toString);

        Files.writeString(dir.resolve("future.ndjson"), "{\"v\":9,\"key\":\"1\",\"status\":\"updated\"}\n");
        Cli.Result future = cli.run("undo", "--journal", "future.ndjson");
        assertEquals(3, future.code(), future::toString);
        assertTrue(future.err().contains("future.ndjson:1: journal version 9 is newer than this posctl reads (2)"), future::toString);

        Cli.Result missing = cli.run("undo", "--journal", "nope.ndjson");
        assertEquals(3, missing.code(), missing::toString);
        assertTrue(missing.err().contains("journal nope.ndjson: no such file"), missing::toString);
    }
}
