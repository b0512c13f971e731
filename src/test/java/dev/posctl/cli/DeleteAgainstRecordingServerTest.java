package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import dev.posctl.http.RecordingServer.Recorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What delete -f puts on the wire: DELETE items with relative URLs, 20 to a $batch. */
class DeleteAgainstRecordingServerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    @RegisterExtension
    final RecordedEndpoint endpoint = new RecordedEndpoint();
    RecordingServer server;

    @BeforeEach
    void server() {
        server = endpoint.server();
    }

    Cli cli() {
        return endpoint.cli(dir);
    }

    void documents(int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"userId\":\"u").append(i % 3).append("\",\"id\":\"p").append(i).append("\"}\n");
        }
        Files.writeString(dir.resolve("d.ndjson"), sb.toString());
    }

    /** Answers every $batch item with the status the function gives for its URL. */
    void answering(Function<String, Integer> status) {
        server.fallback(r -> {
            try {
                ObjectNode out = JSON.createObjectNode();
                var responses = out.putArray("responses");
                for (JsonNode item : JSON.readTree(r.body()).path("requests")) {
                    int s = status.apply(item.path("url").asText());
                    var one = responses.addObject().put("id", item.path("id").asText()).put("status", s);
                    one.putObject("headers").put("request-id", "rq-" + item.path("id").asText());
                    if (s >= 400) {
                        one.putObject("body").putObject("error").put("code", "accessDenied").put("message", "no");
                    }
                }
                return Answer.json(200, out.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void fortyFiveDeletesGoAsTwentyTwentyAndFive() throws Exception {
        documents(45);
        answering(url -> 204);
        // one request at a time: with idle slots the engine would share the last chunk among them (EnginePipelineTest)
        Cli.Result r = cli().run("delete", "-f", "d.ndjson", "--yes", "-o", "ndjson", "--concurrency", "1");
        assertEquals(0, r.code(), r::toString);
        List<Recorded> posts = server.requests();
        assertTrue(posts.stream().allMatch(p -> p.method().equals("POST") && p.rawPath().endsWith("/$batch")), posts::toString);
        List<Integer> sizes = posts.stream().map(p -> items(p).size()).sorted().toList();
        assertEquals(List.of(5, 20, 20), sizes, posts::toString);
        for (Recorded p : posts) {
            for (JsonNode item : items(p)) {
                assertEquals("DELETE", item.get("method").asText());
                assertTrue(item.get("url").asText().matches("/users/u[0-2]/profile/positions/p\\d+"), item::toString);
                assertTrue(item.path("body").isMissingNode(), "a DELETE has no body");
            }
        }
        List<String> lines = r.out().lines().toList();
        assertEquals(45, lines.size(), r::toString);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String l : lines) {
            ids.add(JSON.readTree(l).get("id").asText());
        }
        assertEquals(45, ids.size(), "one result per delete, streamed as they complete: " + r);
        assertTrue(r.err().contains("45 deleted"), r::toString);
    }

    @Test
    void aRefusedItemFailsOnlyItsDocumentAndExitsFour() throws Exception {
        documents(3);
        answering(url -> url.endsWith("/p1") ? 403 : 204);
        Cli.Result r = cli().run("delete", "-f", "d.ndjson", "--yes", "-o", "json");
        assertEquals(5, r.code(), "a 403 is an auth failure, ranked as update ranks it: " + r);
        JsonNode res = JSON.readTree(r.out());
        assertEquals("failed", res.get(1).get("status").asText(), r::toString);
        assertEquals(403, res.get(1).get("httpStatus").asInt());
        assertEquals("d.ndjson:2", res.get(1).get("source").asText());
        assertEquals("rq-1", res.get(1).get("requestId").asText());
        assertEquals("deleted", res.get(2).get("status").asText());
        assertTrue(r.err().contains("d.ndjson:2"), r::toString);
    }

    @Test
    void aRejectedItemIsExitFourAndFailFastStopsSending() throws Exception {
        documents(45);
        answering(url -> url.endsWith("/p0") ? 400 : 204);
        Cli.Result r = cli().run("delete", "-f", "d.ndjson", "--yes", "-o", "json", "--concurrency", "1", "--fail-fast");
        assertEquals(4, r.code(), r::toString);
        assertEquals(1, server.requests().size(), "the first batch's failure stops the rest: " + r);
        assertEquals(20, JSON.readTree(r.out()).size(), r::toString);
        assertTrue(r.err().contains("19 deleted, 0 not found, 1 failed, 0 skipped, 25 not sent"), r::toString);
    }

    @Test
    void batchSizeOneSendsPlainDeletes() throws Exception {
        documents(3);
        server.fallback(r -> new Answer(204, java.util.Map.of(), "", 0));
        Cli.Result r = cli().run("delete", "-f", "d.ndjson", "--yes", "--batch-size", "1", "-o", "table");
        assertEquals(0, r.code(), r::toString);
        assertEquals(3, server.requests("DELETE").size(), r::toString);
        assertEquals(3, r.out().lines().filter(l -> l.contains(" deleted ")).count(), r::toString);
    }

    @Test
    void dryRunSendsNothingAndShowsNoToken() throws Exception {
        documents(25);
        Cli.Result r = cli().run("delete", "-f", "d.ndjson", "--dry-run", "-o", "table");
        assertEquals(0, r.code(), r::toString);
        assertEquals(0, server.requests().size(), r::toString);
        assertEquals(25, r.out().lines().filter(l -> l.startsWith("DELETE " + server.base())).count(), r::toString);
        assertTrue(r.out().contains("Authorization: Bearer ") && !r.out().contains(RecordedEndpoint.TOKEN), r::toString);
        assertTrue(r.err().contains("25 planned (dry run: nothing was written)"), r::toString);
        Cli.Result json = cli().run("delete", "-f", "d.ndjson", "--dry-run", "-o", "ndjson");
        assertEquals(25, json.out().lines().filter(l -> l.contains("\"method\":\"DELETE\"")).count(), json::toString);
        assertTrue(json.out().contains("\"Authorization\":\"Bearer ") && !json.out().contains(RecordedEndpoint.TOKEN), json::toString);
        assertEquals(0, server.requests().size(), json::toString);
    }

    @Test
    void aPositionNamedTwiceIsDeletedOnce() throws Exception {
        Files.writeString(dir.resolve("d.ndjson"), "{\"userId\":\"u\",\"id\":\"p1\"}\n{\"userId\":\"u\",\"id\":\"p2\"}\n"
            + "{\"userId\":\"u\",\"id\":\"p1\"}\n");
        answering(url -> 204);
        Cli.Result r = cli().run("delete", "-f", "d.ndjson", "--yes", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(2, items(server.requests().get(0)).size(), r::toString);
        assertEquals(2, JSON.readTree(r.out()).size(), r::toString);
        assertTrue(r.err().contains("d.ndjson: 1 document names a position named before"), r::toString);
    }

    @Test
    void anEmptyFileOrBadJsonDeletesNothing() throws Exception {
        Files.writeString(dir.resolve("d.ndjson"), "{\"userId\":\"u\",\"id\":\"p1\"}\n{\"userId\": \n");
        Files.writeString(dir.resolve("e.json"), "");
        Cli.Result r = cli().run("delete", "-f", "d.ndjson", "-f", "e.json", "-f", "missing.yaml", "--yes");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("d.ndjson:3: not valid JSON") || r.err().contains("d.ndjson:2: not valid JSON"), r::toString);
        assertTrue(r.err().contains("e.json: no documents"), r::toString);
        assertTrue(r.err().contains("missing.yaml: no such file"), r::toString);
        assertEquals(0, server.requests().size());
    }

    private static JsonNode items(Recorded p) {
        try {
            return JSON.readTree(p.body()).path("requests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
