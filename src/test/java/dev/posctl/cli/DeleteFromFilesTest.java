package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** delete -f against the embedded sandbox: everything checked first, one question for the set, a result per document. */
class DeleteFromFilesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADELE = "adele@contoso.com";

    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir).env("POSCTL_SANDBOX_DATA", dir.resolve("sandbox.json").toString());
    }

    List<String> adelesIds() throws Exception {
        Cli.Result list = cli().run("list", "--user", ADELE, "-o", "json");
        List<String> ids = new ArrayList<>();
        JSON.readTree(list.out()).forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    @Test
    void deletesWhatTheDocumentsNameWithAResultEach() throws Exception {
        List<String> ids = adelesIds();
        assertEquals(2, ids.size());
        Files.writeString(dir.resolve("d.ndjson"),
            "{\"userId\":\"" + ADELE + "\",\"id\":\"" + ids.get(0) + "\",\"detail\":{\"jobTitle\":\"x\"}}\n"
            + "{\"userId\":\"" + ADELE + "\",\"id\":\"" + ids.get(1) + "\",\"isCurrent\":true}\n"
            + "{\"userId\":\"" + ADELE + "\",\"id\":\"no-such-position\"}\n");
        Cli.Result r = cli().run("delete", "-f", "d.ndjson", "--yes", "-o", "json", "--report", "r.ndjson");
        assertEquals(0, r.code(), r::toString);
        JsonNode res = JSON.readTree(r.out());
        assertEquals(3, res.size(), r::toString);
        assertEquals("deleted", res.get(0).get("status").asText(), r::toString);
        assertEquals("deleted", res.get(1).get("status").asText(), r::toString);
        assertEquals("notFound", res.get(2).get("status").asText(), r::toString);
        assertEquals(404, res.get(2).get("httpStatus").asInt(), r::toString);
        assertEquals("d.ndjson:3", res.get(2).get("source").asText(), r::toString);
        assertEquals(1, r.err().split("ignored", -1).length - 1, "one warning for the file: " + r);
        assertEquals(0, adelesIds().size());
        List<String> report = Files.readAllLines(dir.resolve("r.ndjson"));
        assertEquals(3, report.size());
        JsonNode line = JSON.readTree(report.get(2));
        assertEquals("notFound", line.get("status").asText());
        assertEquals(3, line.get("line").asInt());
        assertEquals("d.ndjson", line.get("source").asText());
    }

    @Test
    void aDocumentWithoutIdDeletesNothing() throws Exception {
        List<String> ids = adelesIds();
        Files.writeString(dir.resolve("d.yaml"), "userId: " + ADELE + "\nid: " + ids.get(0) + "\n---\nuserId: " + ADELE
            + "\njobTitle: x\n");
        Cli.Result r = cli().run("delete", "-f", "d.yaml", "--yes");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("d.yaml:4: id is missing"), r::toString);
        assertTrue(r.err().contains("nothing deleted"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
        assertEquals(2, adelesIds().size());
    }

    @Test
    void asksOnceForTheWholeSetAndElsewhereNeedsYes() throws Exception {
        List<String> ids = adelesIds();
        Files.writeString(dir.resolve("d.json"), "[{\"userId\":\"" + ADELE + "\",\"id\":\"" + ids.get(0) + "\"},\n {\"userId\":\""
            + ADELE + "\",\"id\":\"" + ids.get(1) + "\"}]");
        Cli.Result noTerminal = cli().run("delete", "-f", "d.json");
        assertEquals(2, noTerminal.code(), noTerminal::toString);
        Cli.Result piped = cli().terminal(true).stdin("[]").run("delete", "-f", "-");
        assertEquals(2, piped.code(), "stdin holds the documents, so no one can answer: " + piped);
        Cli.Result declined = cli().terminal(true).stdin("n\n").run("delete", "-f", "d.json", "-o", "json");
        assertEquals(130, declined.code(), declined::toString);
        assertTrue(declined.err().contains("delete 2 positions of 1 user? [y/N]"), declined::toString);
        assertEquals(0, JSON.readTree(declined.out()).size());
        assertEquals(2, adelesIds().size());
        Cli.Result yes = cli().terminal(true).stdin("y\n").run("delete", "-f", "d.json", "-o", "ndjson");
        assertEquals(0, yes.code(), yes::toString);
        assertEquals(2, yes.out().lines().count(), yes::toString);
        assertEquals(0, adelesIds().size());
    }

    @Test
    void dryRunPrintsTheRequestsAndDeletesNothing() throws Exception {
        List<String> ids = adelesIds();
        Files.writeString(dir.resolve("d.yaml"), "- userId: " + ADELE + "\n  id: " + ids.get(0) + "\n- userId: " + ADELE
            + "\n  id: " + ids.get(1) + "\n");
        Cli.Result r = cli().run("delete", "-f", "d.yaml", "--dry-run", "-o", "table");
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.stream().filter(l -> l.startsWith("DELETE ")).count(), r::toString);
        assertTrue(lines.get(0).startsWith("DELETE http") && lines.get(0).endsWith("/profile/positions/" + ids.get(0)), r::toString);
        assertTrue(lines.get(0).contains("/users/adele%40contoso.com/"), r::toString);

        // a machine gets the planned results with their requests, like update --dry-run
        Cli.Result json = cli().run("delete", "-f", "d.yaml", "--dry-run", "-o", "json");
        assertEquals(0, json.code(), json::toString);
        com.fasterxml.jackson.databind.JsonNode planned = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertEquals(2, planned.size(), json::toString);
        assertEquals("planned", planned.get(0).get("status").asText());
        assertEquals("DELETE", planned.get(0).get("request").get("method").asText());
        assertEquals("d.yaml:1", planned.get(0).get("source").asText());
        assertTrue(planned.get(1).get("request").get("url").asText().endsWith("/profile/positions/" + ids.get(1)), json::toString);
        assertEquals(2, adelesIds().size());
    }

    @Test
    void flagsAndFilesDoNotMix() {
        assertEquals(2, cli().run("delete", "-f", "d.yaml", "--user", "u", "--id", "p", "--yes").code());
        assertEquals(2, cli().run("delete", "--yes").code());
        assertEquals(2, cli().run("delete", "--user", "u", "--id", "p", "--yes", "--dry-run").code());
    }
}
