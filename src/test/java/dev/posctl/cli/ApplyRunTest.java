package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.http.RecordingServer;
import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** posctl apply runs its plan: creates, updates and prunes on the run engine, sends no write for unchanged files, and undo takes it back. */
class ApplyRunTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADELE = "adele@contoso.com";

    @TempDir
    Path dir;

    @Test
    void applyMakesThePlanASecondApplySendsNoWriteAndUndoRestoresTheExport() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().build());
             RecordingServer proxy = new RecordingServer().fallback(forwardingTo(sandbox))) {
            sandbox.store().seedUsers(5);
            Cli cli = new Cli(dir).env("POSCTL_TOKEN", "t0ken").env("POSCTL_ENDPOINT", proxy.base());
            String before = export(cli);
            List<String> lines = new ArrayList<>(before.lines().toList());
            ObjectNode adele = (ObjectNode) JSON.readTree(lines.get(0));
            assertEquals(ADELE, adele.get("userId").asText());
            ArrayNode positions = (ArrayNode) adele.get("positions");
            String changed = positions.get(0).get("id").asText();
            String pruned = positions.get(1).get("id").asText();
            ((ObjectNode) positions.get(0).get("detail")).put("jobTitle", "Principal PM");
            positions.remove(1);
            positions.addObject().putObject("detail").put("jobTitle", "Mentor").put("startMonthYear", "2026-01-01")
                .putObject("company").put("displayName", "Fabrikam");
            lines.set(0, JSON.writeValueAsString(adele));
            Files.writeString(dir.resolve("desired.ndjson"), String.join("\n", lines) + "\n");

            Cli.Result r = cli.run("apply", "--prune", "-f", "desired.ndjson", "--journal", "apply.journal", "-o", "json");
            assertEquals(0, r.code(), r.toString());
            List<String> outcomes = new ArrayList<>();
            JSON.readTree(r.out()).forEach(o -> outcomes.add(o.get("status").asText() + ":" + o.path("id").asText("")));
            assertEquals(3, outcomes.size(), r.toString());
            assertTrue(outcomes.contains("updated:" + changed) && outcomes.contains("deleted:" + pruned), r.toString());
            assertTrue(outcomes.stream().anyMatch(o -> o.startsWith("created:")), r.toString());
            assertTrue(r.err().contains("plan: 1 to create, 1 to update, 7 to keep, 1 to delete"), r.toString());
            JsonNode adeleNow = JSON.readTree(export(cli).lines().findFirst().orElseThrow());
            assertEquals(positions.size(), adeleNow.get("positions").size(), adeleNow.toString());
            assertEquals("Principal PM", adeleNow.at("/positions/0/detail/jobTitle").asText(), adeleNow.toString());
            assertEquals("Contoso", adeleNow.at("/positions/0/detail/company/displayName").asText(), "merged, not replaced");

            int sent = proxy.requests().size();
            Cli.Result again = cli.run("apply", "--prune", "-f", "desired.ndjson", "-o", "json");
            assertEquals(0, again.code(), again.toString());
            assertEquals("[]", again.out().trim(), again.toString());
            assertTrue(again.err().contains("0 to create, 0 to update, 9 to keep, 0 to delete"), again.toString());
            List<RecordingServer.Recorded> second = proxy.requests().subList(sent, proxy.requests().size());
            assertFalse(second.isEmpty());
            for (RecordingServer.Recorded q : second) {
                assertTrue(q.method().equals("GET") || q.rawPath().endsWith("$batch") && !q.body().matches("(?s).*\"(PATCH|POST|DELETE)\".*"),
                    "an apply of unchanged files sends reads only: " + q.method() + " " + q.rawPath() + " " + q.body());
            }

            Cli.Result undo = cli.run("undo", "--journal", "apply.journal", "-o", "json");
            assertEquals(0, undo.code(), undo.toString());
            String after = export(cli);
            assertEquals(withoutIds(before), withoutIds(after), "undo restores every position (the pruned one with a new id)");
            assertEquals(before.lines().skip(1).toList(), after.lines().skip(1).toList(), "the users apply left alone are as exported");
        }
    }

    @Test
    void moreDeletesThanAllowedAreRefusedBeforeAnyRequest() throws Exception {
        Cli cli = new Cli(dir);
        String before = exportAdele(cli);
        Files.writeString(dir.resolve("none.yaml"), "userId: " + ADELE + "\npositions: []\n");
        Cli.Result r = cli.run("apply", "--prune", "--max-deletes", "1", "-f", "none.yaml", "-o", "json");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("the plan deletes 2 positions, more than --max-deletes 1: nothing was sent")
            && r.err().contains("--max-deletes 2 or --yes"), r.toString());
        assertEquals(before, exportAdele(cli));

        Cli.Result no = cli.terminal(true).stdin("n\n").run("apply", "--prune", "--max-deletes", "1", "-f", "none.yaml");
        assertEquals(130, no.code(), no.toString());
        assertTrue(no.err().contains("delete") && no.err().contains("Apply it? [y/N]") && no.err().contains("nothing applied"), no.toString());
        assertEquals(before, exportAdele(new Cli(dir)));

        Cli.Result yes = new Cli(dir).terminal(true).stdin("y\n").run("apply", "--prune", "--max-deletes", "1", "-f", "none.yaml");
        assertEquals(0, yes.code(), yes.toString());
        assertEquals(0, JSON.readTree(exportAdele(new Cli(dir))).get("positions").size());
    }

    @Test
    void yesAllowsManyDeletesAndWithinTheLimitNoOneIsAsked() throws Exception {
        Cli cli = new Cli(dir);
        Files.writeString(dir.resolve("none.yaml"), "userId: " + ADELE + "\npositions: []\n");
        Cli.Result r = cli.run("apply", "--prune", "--max-deletes", "1", "--yes", "-f", "none.yaml", "-o", "json",
            "--report", "report.xml", "--report-format", "junit");
        assertEquals(0, r.code(), r.toString());
        assertEquals(2, JSON.readTree(r.out()).size(), r.toString());
        assertTrue(r.err().contains("2 deleted"), r.toString());
        String report = Files.readString(dir.resolve("report.xml"));
        assertTrue(report.contains("posctl apply") && report.split("<testcase").length == 3, report);
    }

    @Test
    void dryRunPrintsTheRequestsAndSendsNothing() throws Exception {
        Cli cli = new Cli(dir);
        String before = exportAdele(cli);
        ObjectNode doc = (ObjectNode) JSON.readTree(before);
        ((ObjectNode) doc.at("/positions/0/detail")).put("jobTitle", "Principal PM");
        Files.writeString(dir.resolve("u.ndjson"), JSON.writeValueAsString(doc) + "\n");
        Cli.Result r = cli.run("apply", "--dry-run", "-f", "u.ndjson", "-o", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode out = JSON.readTree(r.out());
        assertEquals("planned", out.get(0).get("status").asText(), r.toString());
        assertEquals("PATCH", out.get(0).at("/request/method").asText(), r.toString());
        assertEquals(before, exportAdele(cli));
    }

    private static String export(Cli cli) {
        Cli.Result r = cli.run("export", "--all-users", "-o", "ndjson", "-q");
        assertEquals(0, r.code(), r.toString());
        return r.out();
    }

    private static String exportAdele(Cli cli) {
        Cli.Result r = cli.run("export", "--user", ADELE, "-o", "ndjson", "-q");
        assertEquals(0, r.code(), r.toString());
        return r.out().trim();
    }

    /** Each user's positions without their ids, in a stable order: what undo must restore. */
    static TreeMap<String, List<String>> withoutIds(String ndjson) throws Exception {
        TreeMap<String, List<String>> users = new TreeMap<>();
        for (String line : ndjson.lines().toList()) {
            JsonNode doc = JSON.readTree(line);
            List<String> positions = new ArrayList<>();
            for (JsonNode p : doc.get("positions")) {
                ObjectNode copy = p.deepCopy();
                copy.remove("id");
                positions.add(JSON.writeValueAsString(copy));
            }
            positions.sort(null);
            users.put(doc.get("userId").asText(), positions);
        }
        return users;
    }

    /** Passes each request on to the sandbox as it came, so the test sees every request posctl sends. */
    static RecordingServer.Responder forwardingTo(SandboxServer sandbox) {
        HttpClient http = HttpClient.newHttpClient();
        String base = sandbox.baseUri().toString().replaceAll("/+$", "");
        return q -> {
            String path = q.rawPath().replaceFirst("^/beta", "");
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + (q.rawQuery() == null ? "" : "?" + q.rawQuery())))
                .method(q.method(), q.body().isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(q.body()));
            if (q.header("Content-Type") != null) {
                b.header("Content-Type", q.header("Content-Type"));
            }
            if (q.header("Authorization") != null) {
                b.header("Authorization", q.header("Authorization"));
            }
            try {
                HttpResponse<String> a = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                return RecordingServer.Answer.json(a.statusCode(), a.body());
            } catch (Exception e) {
                return RecordingServer.Answer.json(502, "{\"error\":{\"code\":\"proxy\",\"message\":\"" + e.getClass().getSimpleName() + "\"}}");
            }
        };
    }
}
