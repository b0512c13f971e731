package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import dev.posctl.http.RecordingServer.Recorded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** delete -f --journal keeps each position's full body from just before its DELETE, and --resume skips what is done. */
class DeleteJournalTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    @RegisterExtension
    final RecordedEndpoint endpoint = new RecordedEndpoint();
    RecordingServer server;
    final AtomicBoolean p1Readable = new AtomicBoolean();

    @BeforeEach
    void start() {
        server = endpoint.server();
        server.fallback(r -> {
            if (r.method().equals("DELETE")) {
                return new Answer(204, Map.of(), "", 0);
            }
            if (r.rawPath().endsWith("/p1") && !p1Readable.get()) {
                return Answer.json(500, "{\"error\":{\"code\":\"generalException\",\"message\":\"boom\"}}");
            }
            String id = r.rawPath().substring(r.rawPath().lastIndexOf('/') + 1);
            return Answer.json(200, "{\"id\":\"" + id + "\",\"isCurrent\":true,\"detail\":{\"jobTitle\":\"Title " + id + "\"}}");
        });
    }

    Cli cli() {
        return endpoint.cli(dir);
    }

    @Test
    void journalHoldsTheBodyAndResumeSendsOnlyWhatIsLeft() throws Exception {
        Files.writeString(dir.resolve("d.ndjson"), "{\"userId\":\"u\",\"id\":\"p0\"}\n{\"userId\":\"u\",\"id\":\"p1\"}\n");
        Cli.Result first = cli().run("delete", "-f", "d.ndjson", "--yes", "--journal", "j.ndjson", "--batch-size", "1",
            "--concurrency", "1", "-o", "json");
        assertEquals(4, first.code(), first::toString);
        assertEquals(1, server.requests("DELETE").size(), "p1 could not be read, so it was not deleted: " + first);
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("j.ndjson"))) {
            lines.add(JSON.readTree(l));
        }
        assertTrue(lines.stream().allMatch(l -> l.get("kind").asText().equals("delete") && l.get("v").asInt() == 2), lines::toString);
        JsonNode deleting = lines.stream().filter(l -> l.get("status").asText().equals("deleting")).findFirst().orElseThrow();
        assertEquals("p0", deleting.get("id").asText());
        assertEquals("Title p0", deleting.at("/position/detail/jobTitle").asText(), "the full body, to recreate it");
        assertTrue(lines.stream().anyMatch(l -> l.get("id").asText().equals("p1") && l.get("status").asText().equals("failed")),
            lines::toString);

        p1Readable.set(true);
        int before = server.requests().size();
        Cli.Result resumed = cli().run("delete", "-f", "d.ndjson", "--yes", "--journal", "j.ndjson", "--resume", "--batch-size", "1",
            "--concurrency", "1", "-o", "json");
        assertEquals(0, resumed.code(), resumed::toString);
        List<Recorded> sent = server.requests().subList(before, server.requests().size());
        assertEquals(2, sent.size(), "only p1: read, then deleted: " + sent);
        assertTrue(sent.stream().allMatch(r -> r.rawPath().endsWith("/p1")), sent::toString);
        assertTrue(resumed.err().contains("1 deleted, 0 not found, 0 failed, 1 skipped"), resumed::toString);

        Cli.Result undo = cli().run("undo", "--journal", "j.ndjson", "--dry-run", "--batch-size", "1", "-o", "json");
        assertTrue(undo.code() == 0 && !undo.err().contains("Exception"), "undo plans to create the deleted positions again: " + undo);
    }

    @Test
    void batchedDeletesReadFirstInABatchToo() throws Exception {
        p1Readable.set(true);
        Files.writeString(dir.resolve("d.ndjson"), "{\"userId\":\"u\",\"id\":\"p0\"}\n{\"userId\":\"u\",\"id\":\"p1\"}\n");
        server.fallback(r -> {
            try {
                var out = JSON.createObjectNode();
                var responses = out.putArray("responses");
                for (JsonNode item : JSON.readTree(r.body()).path("requests")) {
                    var one = responses.addObject().put("id", item.path("id").asText());
                    String url = item.path("url").asText();
                    if (item.path("method").asText().equals("GET")) {
                        one.put("status", 200).putObject("body").put("id", url.substring(url.lastIndexOf('/') + 1)).put("level", "L1");
                    } else {
                        one.put("status", 204);
                    }
                }
                return Answer.json(200, out.toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Cli.Result r = cli().run("delete", "-f", "d.ndjson", "--yes", "--journal", "j.ndjson", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(2, server.requests().size(), "one $batch of GETs, one of DELETEs: " + server.requests());
        String journal = Files.readString(dir.resolve("j.ndjson"));
        assertEquals(2, journal.split("\"deleting\"", -1).length - 1, journal);
        assertTrue(journal.contains("\"level\":\"L1\""), journal);
    }
}
