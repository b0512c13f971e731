package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.sandbox.Chaos;
import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many edits at once against a real sandbox: batching, retries under chaos, journal and resume. */
class BulkUpdateTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SandboxServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    Cli cli(SandboxOptions options) throws Exception {
        server = SandboxServer.start(options);
        return new Cli(dir).env("POSCTL_ENDPOINT", server.baseUri().toString()).env("POSCTL_TOKEN", "t");
    }

    /** Creates one position for each of n users and returns NDJSON edits that change their titles. */
    String seedAndEdits(int n, String title) {
        StringBuilder edits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String user = "user" + i + "@contoso.com";
            var created = server.store().create(user, (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(
                java.util.Map.of("detail", java.util.Map.of("jobTitle", "Engineer", "company", java.util.Map.of("displayName", "Contoso")))));
            edits.append("{\"userId\":\"").append(user).append("\",\"id\":\"").append(created.get("id").asText())
                .append("\",\"detail\":{\"jobTitle\":\"").append(title).append("\"}}\n");
        }
        return edits.toString();
    }

    @Test
    void manyEditsGoOutInBatchesAndKeepTheCompany() throws Exception {
        Cli cli = cli(SandboxOptions.inMemory());
        String edits = seedAndEdits(45, "Senior Engineer");
        Cli.Result r = cli.stdin(edits).run("update", "-f", "-", "-o", "ndjson", "--debug", "--concurrency", "4");
        assertEquals(0, r.code(), () -> r.toString().substring(0, Math.min(3000, r.toString().length())));
        assertEquals(45, r.out().trim().split("\n").length);
        long batches = r.err().lines().filter(l -> l.startsWith("> POST ") && l.endsWith("/$batch")).count();
        // 3 chunks of up to 20, one read and one write batch each; the last ones may be split over slots that would idle
        assertTrue(batches >= 6 && batches <= 45, "chunks of 2 to 20, a read and a write batch each: " + batches);
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("> GET ") || l.startsWith("> PATCH ")), "every request in a batch");
        assertTrue(r.err().contains("45 updated, 0 unchanged, 0 failed, 0 skipped"), r.err());
        JsonNode one = JSON.valueToTree(server.store().list("user7@contoso.com").get(0));
        assertEquals("Senior Engineer", one.at("/detail/jobTitle").asText());
        assertEquals("Contoso", one.at("/detail/company/displayName").asText());
    }

    @Test
    void throttledAndFailingItemsAreRetriedUntilAllLand() throws Exception {
        Cli cli = cli(SandboxOptions.builder().chaos(Chaos.parse("throttle=0.3,error=0.1,retryAfter=0.05", 7)).build());
        String edits = seedAndEdits(120, "Lead");
        Path report = dir.resolve("report.ndjson");
        // 40% of attempts fail: with 20 retries an item gives up once in 0.4^21 (~4e-9), so a red run is a real bug
        // (with 10 it was 4e-5 an item, about one run in a hundred)
        Cli.Result r = cli.stdin(edits).run("update", "-f", "-", "-o", "json", "--report", report.toString(), "--max-retries", "20");
        assertEquals(0, r.code(), () -> r.err().substring(0, Math.min(3000, r.err().length())));
        JsonNode results = JSON.readTree(r.out());
        assertEquals(120, results.size());
        List<String> lines = Files.readAllLines(report);
        assertEquals(120, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals("<stdin>", first.get("source").asText());
        assertTrue(first.get("line").asInt() >= 1);
        assertEquals("updated", first.get("status").asText());
        assertEquals(120, server.store().list("user0@contoso.com").size() + 119, "no duplicates created");
    }

    @Test
    void failFastStopsSendingAndOtherwiseEveryEditIsTried() throws Exception {
        Cli cli = cli(SandboxOptions.inMemory());
        StringBuilder edits = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            edits.append("{\"userId\":\"nobody").append(i).append("\",\"id\":\"missing\",\"detail\":{\"role\":\"x\"}}\n");
        }
        Cli.Result all = cli.stdin(edits.toString()).run("update", "-f", "-", "-o", "ndjson", "--progress", "off");
        assertEquals(4, all.code());
        assertEquals(200, all.out().trim().split("\n").length);
        Cli.Result fast = cli.stdin(edits.toString()).run("update", "-f", "-", "-o", "ndjson", "--fail-fast",
            "--concurrency", "1", "--batch-size", "5");
        assertEquals(4, fast.code());
        int sent = fast.out().trim().split("\n").length;
        assertTrue(sent < 200 && sent >= 5, "stopped early: " + sent);
    }

    @Test
    void journalAndResumeSkipWhatIsDoneAndRetryWhatFailed() throws Exception {
        Cli cli = cli(SandboxOptions.inMemory());
        String good = seedAndEdits(30, "Architect");
        String edits = good + "{\"userId\":\"ghost\",\"id\":\"none\",\"detail\":{\"role\":\"x\"}}\n";
        Files.writeString(dir.resolve("e.ndjson"), edits);
        Path journal = dir.resolve("run.journal");
        Cli.Result first = cli.run("update", "-f", "e.ndjson", "--journal", journal.toString(), "-o", "ndjson");
        assertEquals(4, first.code(), first::toString);
        assertEquals(30 * 2 + 1, Files.readAllLines(journal).size(), "sending and updated for each write, one line for the failed read");
        Cli.Result again = cli.run("update", "-f", "e.ndjson", "--journal", journal.toString(), "--resume", "-o", "json");
        assertEquals(4, again.code(), again::toString);
        assertTrue(again.err().contains("0 updated, 0 unchanged, 1 failed, 30 skipped"), again::toString);
        assertTrue(again.err().contains("resuming: 30 edits are recorded as done"), again::toString);
        List<String> statuses = JSON.readTree(again.out()).findValuesAsText("status");
        assertEquals(30, statuses.stream().filter("skipped"::equals).count());
        assertEquals(2, cli.run("update", "-f", "e.ndjson", "--resume").code(), "--resume needs --journal");
        Cli.Result fresh = cli.run("update", "-f", "e.ndjson", "--journal", journal.toString(), "-o", "json");
        assertTrue(fresh.err().contains("0 updated, 30 unchanged, 1 failed, 0 skipped"), "without --resume all are tried: " + fresh);
    }

    @Test
    void plainProgressForLogsAndBadBulkOptions() throws Exception {
        Cli cli = cli(SandboxOptions.builder().chaos(Chaos.parse("latency=30ms", 1)).build());
        String edits = seedAndEdits(10, "X");
        Cli.Result none = cli.stdin(edits).run("update", "-f", "-", "-o", "ndjson", "--batch-size", "1", "--concurrency", "1");
        assertTrue(none.err().lines().noneMatch(l -> l.startsWith("progress:")), "no progress when stderr is not a terminal");
        assertEquals(2, cli.run("update", "--batch-size", "21", "--user", "u", "--id", "i", "--role", "r").code());
        assertEquals(2, cli.run("update", "--concurrency", "0", "--user", "u", "--id", "i", "--role", "r").code());
        List<String> results = List.of(none.out().trim().split("\n"));
        assertEquals(10, results.stream().map(l -> l.contains("\"unchanged\"") || l.contains("\"updated\"")).filter(b -> b).collect(Collectors.toList()).size());
    }
}
