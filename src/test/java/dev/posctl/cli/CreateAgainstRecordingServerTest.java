package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What create -f puts on the wire: POST items with their bodies, 20 to a $batch, and what each answer means. */
class CreateAgainstRecordingServerTest {
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

    /** n new positions, job titles T0..T(n-1), for three users. */
    void documents(int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"userId\":\"u").append(i % 3).append("\",\"detail\":{\"jobTitle\":\"T").append(i)
                .append("\",\"company\":{\"displayName\":\"Contoso\"}}}\n");
        }
        Files.writeString(dir.resolve("new.ndjson"), sb.toString());
    }

    /**
     * Answers every $batch item by its job title and how many times that title was seen: a status,
     * and headers; a 201 carries the new position with id "id-TITLE".
     */
    void answering(BiFunction<String, Integer, Integer> status, Map<String, String> headers) {
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        server.fallback(r -> {
            try {
                ObjectNode out = JSON.createObjectNode();
                var responses = out.putArray("responses");
                for (JsonNode item : JSON.readTree(r.body()).path("requests")) {
                    String title = item.at("/body/detail/jobTitle").asText();
                    int s = status.apply(title, seen.merge(title, 1, Integer::sum));
                    ObjectNode one = responses.addObject().put("id", item.path("id").asText()).put("status", s);
                    ObjectNode h = one.putObject("headers").put("request-id", "rq-" + title);
                    if (s == 201) {
                        ObjectNode p = one.putObject("body").put("id", "id-" + title);
                        p.set("detail", item.at("/body/detail"));
                    } else {
                        headers.forEach(h::put);
                        one.putObject("body").putObject("error").put("code", s == 400 ? "invalidRequest" : "serviceBusy")
                            .put("message", "no " + title);
                    }
                }
                return Answer.json(200, out.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static List<JsonNode> items(Recorded batch) {
        try {
            List<JsonNode> items = new ArrayList<>();
            JSON.readTree(batch.body()).path("requests").forEach(items::add);
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> lines(String out) {
        return out.lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** How many times each job title was sent, over every $batch. */
    Map<String, Integer> sent() {
        Map<String, Integer> sent = new ConcurrentHashMap<>();
        server.requests().forEach(b -> items(b).forEach(i -> sent.merge(i.at("/body/detail/jobTitle").asText(), 1, Integer::sum)));
        return sent;
    }

    @Test
    void fortyFiveCreatesGoAsThreeBatchesOfPostItemsWithTheirBodies() throws Exception {
        documents(45);
        answering((title, n) -> 201, Map.of());
        // one request at a time: with idle slots the engine would share the last chunk among them (EnginePipelineTest)
        Cli.Result r = cli().run("create", "-f", "new.ndjson", "-o", "ndjson", "--concurrency", "1", "--progress", "off");
        assertEquals(0, r.code(), r::toString);
        List<Recorded> posts = server.requests();
        assertTrue(posts.stream().allMatch(p -> p.method().equals("POST") && p.rawPath().equals("/beta/$batch")), posts::toString);
        assertEquals(List.of(5, 20, 20), posts.stream().map(p -> items(p).size()).sorted().toList(), posts::toString);
        Set<String> titles = new HashSet<>();
        for (Recorded p : posts) {
            for (JsonNode item : items(p)) {
                assertEquals("POST", item.get("method").asText());
                assertTrue(item.get("url").asText().matches("/users/u[0-2]/profile/positions"), item::toString);
                assertEquals("application/json", item.at("/headers/Content-Type").asText(), item::toString);
                assertEquals("Contoso", item.at("/body/detail/company/displayName").asText(), item::toString);
                assertFalse(item.get("body").has("userId") || item.get("body").has("id"), "the body is the position's: " + item);
                String title = item.at("/body/detail/jobTitle").asText();
                assertTrue(titles.add(title), "each sent once: " + title);
                int i = Integer.parseInt(title.substring(1));
                assertEquals("/users/u" + (i % 3) + "/profile/positions", item.get("url").asText());
            }
        }
        assertEquals(45, titles.size());
        List<JsonNode> out = lines(r.out());
        assertEquals(45, out.size(), r::toString);
        for (JsonNode o : out) {
            assertEquals("created", o.get("status").asText(), o::toString);
            assertEquals("id-" + o.at("/position/detail/jobTitle").asText(), o.get("id").asText(), "each with its new id: " + o);
        }
        assertTrue(r.err().contains("45 created"), r::toString);
    }

    @Test
    void aRefusedItemFailsOnlyItsDocumentTheOthersAreCreatedWithTheirIds() throws Exception {
        documents(5);
        answering((title, n) -> title.equals("T1") ? 400 : 201, Map.of());
        Cli.Result r = cli().run("create", "-f", "new.ndjson", "-o", "json", "--progress", "off");
        assertEquals(4, r.code(), r::toString);
        // the last chunk may be split among idle request slots; no item goes twice
        assertEquals(5, server.requests().stream().mapToInt(p -> items(p).size()).sum(), "nothing sent again");
        JsonNode res = JSON.readTree(r.out());
        assertEquals(5, res.size(), r::toString);
        for (JsonNode o : res) {
            if (o.get("source").asText().startsWith("new.ndjson:2:")) {
                assertEquals("failed", o.get("status").asText(), o::toString);
                assertEquals(400, o.get("httpStatus").asInt());
                assertEquals("invalidRequest", o.get("errorCode").asText());
                assertEquals("rq-T1", o.get("requestId").asText());
            } else {
                assertEquals("created", o.get("status").asText(), o::toString);
                assertTrue(o.get("id").asText().matches("id-T[0234]"), o::toString);
            }
        }
        assertTrue(r.err().contains("new.ndjson:2") && r.err().contains("no T1"), r::toString);
        assertTrue(r.err().contains("4 created") && r.err().contains("1 failed"), r::toString);
    }

    @Test
    void aPostItemThrottledWithRetryAfterIsSentAgain() throws Exception {
        documents(3);
        answering((title, n) -> title.equals("T2") && n == 1 ? 429 : 201, Map.of("Retry-After", "0"));
        Cli.Result r = cli().run("create", "-f", "new.ndjson", "-o", "json", "--progress", "off");
        assertEquals(0, r.code(), r::toString);
        assertEquals(2, server.requests().size(), server.requests()::toString);
        assertEquals(List.of("T2"), items(server.requests().get(1)).stream().map(i -> i.at("/body/detail/jobTitle").asText()).toList(),
            "a 429 says it was not done: that item alone is sent again");
        assertEquals(Map.of("T0", 1, "T1", 1, "T2", 2), sent());
        assertTrue(r.err().contains("3 created"), r::toString);
    }

    @Test
    void aPostItemAnswered503Or504IsNotSentAgainAndIsUnknown() throws Exception {
        documents(4);
        answering((title, n) -> title.equals("T1") ? 503 : title.equals("T2") ? 504 : 201, Map.of("Retry-After", "0"));
        Cli.Result r = cli().run("create", "-f", "new.ndjson", "-o", "json", "--progress", "off");
        assertEquals(4, r.code(), r::toString);
        assertEquals(Map.of("T0", 1, "T1", 1, "T2", 1, "T3", 1), sent(), "the server may have made them: never sent twice");
        JsonNode res = JSON.readTree(r.out());
        int unknown = 0;
        for (JsonNode o : res) {
            if (o.get("status").asText().equals("unknown")) {
                unknown++;
                assertEquals("outcomeUnknown", o.get("errorCode").asText(), o::toString);
                assertTrue(o.get("error").asText().contains("check with posctl list --user u"), o::toString);
            }
        }
        assertEquals(2, unknown, r::toString);
        assertTrue(r.err().contains("may or may not have been created: check with posctl list --user u1")
            && r.err().contains("check with posctl list --user u2"), r::toString);
        assertTrue(r.err().contains("2 created"), r::toString);
    }

    @Test
    void dryRunPrintsThePostRequestsAndSendsNothing() throws Exception {
        documents(25);
        Cli.Result r = cli().run("create", "-f", "new.ndjson", "--dry-run", "-o", "table");
        assertEquals(0, r.code(), r::toString);
        assertEquals(0, server.requests().size(), r::toString);
        assertEquals(25, r.out().lines().filter(l -> l.matches("POST " + java.util.regex.Pattern.quote(server.base())
            + "/users/u[0-2]/profile/positions")).count(), r::toString);
        assertTrue(r.out().contains("\"jobTitle\" : \"T24\""), "each with its body: " + r);
        assertTrue(r.out().contains("Authorization: Bearer ") && !r.out().contains(RecordedEndpoint.TOKEN), r::toString);
        assertTrue(r.err().contains("25 planned (dry run: nothing was written)"), r::toString);

        Cli.Result json = cli().run("create", "-f", "new.ndjson", "--dry-run", "-o", "ndjson");
        List<JsonNode> planned = lines(json.out());
        assertEquals(25, planned.size(), json::toString);
        for (JsonNode p : planned) {
            assertEquals("planned", p.get("status").asText());
            assertEquals("POST", p.at("/request/method").asText());
            assertTrue(p.at("/request/body/detail/jobTitle").asText().startsWith("T"), p::toString);
        }
        assertFalse(json.out().contains(RecordedEndpoint.TOKEN));
        assertEquals(0, server.requests().size());
    }

    @Test
    void aCreateCutOffBeforeItsAnswerIsNotSentAgainOnResume() throws Exception {
        documents(3);
        answering((title, n) -> 201, Map.of());
        Cli.Result first = cli().run("create", "-f", "new.ndjson", "--journal", "j.ndjson", "-o", "json", "--progress", "off");
        assertEquals(0, first.code(), first::toString);
        // what a kill leaves: T1's creating line written and flushed, its POST maybe made, its outcome never recorded
        Path journal = dir.resolve("j.ndjson");
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(journal)) {
            JsonNode n = JSON.readTree(line);
            boolean t1 = n.path("line").asInt() == 2;
            if (!(t1 && n.path("status").asText().equals("created"))) {
                kept.add(line);
            }
        }
        assertTrue(kept.stream().anyMatch(l -> l.contains("\"creating\"") && l.contains("\"line\":2")), kept::toString);
        Files.writeString(journal, String.join("\n", kept) + "\n");
        int before = server.requests().size();

        Cli.Result resumed = cli().run("create", "-f", "new.ndjson", "--journal", "j.ndjson", "--resume", "-o", "json", "--progress", "off");
        assertEquals(4, resumed.code(), resumed::toString);
        assertEquals(before, server.requests().size(), "nothing sent: two done, one that may exist: " + server.requests());
        JsonNode res = JSON.readTree(resumed.out());
        assertEquals(3, res.size(), resumed::toString);
        for (JsonNode o : res) {
            String expected = o.get("source").asText().startsWith("new.ndjson:2:") ? "unknown" : "skipped";
            assertEquals(expected, o.get("status").asText(), o::toString);
        }
        assertTrue(resumed.err().contains("it may or may not exist: check with posctl list --user u1"), resumed::toString);
    }

    @Test
    void aCreateAnswered503IsNotSentAgainOnResumeEither() throws Exception {
        documents(3);
        answering((title, n) -> title.equals("T1") && n == 1 ? 503 : 201, Map.of());
        Cli.Result first = cli().run("create", "-f", "new.ndjson", "--journal", "j.ndjson", "-o", "json", "--progress", "off");
        assertEquals(4, first.code(), first::toString);
        assertTrue(Files.readString(dir.resolve("j.ndjson")).contains("\"status\":\"unknown\""));

        Cli.Result resumed = cli().run("create", "-f", "new.ndjson", "--journal", "j.ndjson", "--resume", "-o", "json", "--progress", "off");
        assertEquals(4, resumed.code(), resumed::toString);
        assertEquals(Map.of("T0", 1, "T1", 1, "T2", 1), sent(), "the server may have made T1: it is never sent twice");
        JsonNode res = JSON.readTree(resumed.out());
        for (JsonNode o : res) {
            String expected = o.get("source").asText().startsWith("new.ndjson:2:") ? "unknown" : "skipped";
            assertEquals(expected, o.get("status").asText(), o::toString);
        }
        assertTrue(resumed.err().contains("check with posctl list --user u1"), resumed::toString);
    }

    @Test
    void aCreateRefusedOnceThenCutOffInFlightIsNotSentAgainOnResume() throws Exception {
        documents(3);
        answering((title, n) -> title.equals("T1") && n == 1 ? 400 : 201, Map.of());
        Cli.Result first = cli().run("create", "-f", "new.ndjson", "--journal", "j.ndjson", "-o", "json", "--progress", "off");
        assertEquals(4, first.code(), first::toString);
        // a second run, resumed, sends T1 again and is killed before its answer: its creating line is the last
        Path journal = dir.resolve("j.ndjson");
        String creating = Files.readAllLines(journal).stream().filter(l -> l.contains("\"creating\"") && l.contains("\"line\":2"))
            .findFirst().orElseThrow();
        Files.writeString(journal, creating + "\n", java.nio.file.StandardOpenOption.APPEND);

        Cli.Result resumed = cli().run("create", "-f", "new.ndjson", "--journal", "j.ndjson", "--resume", "-o", "json", "--progress", "off");
        assertEquals(4, resumed.code(), resumed::toString);
        assertEquals(Map.of("T0", 1, "T1", 1, "T2", 1), sent(), "the killed run may have made T1: not sent a third time");
        assertTrue(resumed.err().contains("check with posctl list --user u1"), resumed::toString);
    }

    @Test
    void undoOfACreateExpectsWhatTheServiceStoredNotWhatWasSent() throws Exception {
        Files.writeString(dir.resolve("new.ndjson"), "{\"userId\":\"u0\",\"detail\":{\"jobTitle\":\"T0\",\"company\":"
            + "{\"displayName\":\"Contoso\"}},\"allowedAudiences\":\"organization,contacts\"}\n");
        // the service stores the flags in its own order, and answers every later read the same
        String stored = "{\"id\":\"id-T0\",\"detail\":{\"jobTitle\":\"T0\",\"company\":{\"displayName\":\"Contoso\"}},"
            + "\"allowedAudiences\":\"contacts,organization\"}";
        server.fallback(r -> switch (r.method()) {
            case "POST" -> Answer.json(201, stored);
            case "GET" -> Answer.json(200, stored);
            default -> new Answer(204, Map.of(), "", 0);
        });
        Cli.Result created = cli().run("create", "-f", "new.ndjson", "--journal", "j.ndjson", "-o", "json");
        assertEquals(0, created.code(), created::toString);
        Cli.Result undo = cli().run("undo", "--journal", "j.ndjson", "-o", "json");
        assertEquals(0, undo.code(), "a value the service normalised is no conflict: " + undo);
        assertEquals(1, server.requests("DELETE").size(), undo::toString);
    }
}
