package dev.posctl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.Connection;
import dev.posctl.api.PositionService;
import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.http.BatchClient;
import dev.posctl.http.GraphClient;
import dev.posctl.http.GraphPaths;
import dev.posctl.http.HttpSettings;
import dev.posctl.http.PathStyle;
import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import dev.posctl.http.RecordingServer.Recorded;
import dev.posctl.input.Edit;
import dev.posctl.validate.Location;
import dev.posctl.validate.Problem;
import dev.posctl.validate.ProblemCode;
import dev.posctl.validate.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on its own, no command around it, against a real server on 127.0.0.1. */
class EngineTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpSettings HTTP = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofSeconds(20),
        Duration.ofMillis(10));
    /** Updates sent as written (no read), deletes unread: every operation is one write. */
    static final Sequence.Options WRITE_ONLY = new Sequence.Options(false, false, false, false);

    @TempDir
    Path dir;
    RecordingServer server;
    GraphClient client;
    GraphPaths paths;
    PositionService service;
    final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer();
        URI base = URI.create(server.base());
        client = new GraphClient(base, "tok", "posctl/test", HTTP, null, Clock.systemUTC());
        paths = new GraphPaths(base, PathStyle.graph);
        service = new PositionService(client, paths);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static Operation create(int i) {
        ObjectNode body = JSON.createObjectNode().put("userId", "u" + i);
        body.putObject("detail").put("jobTitle", "T" + i);
        return Operation.create(new Edit(body, new Location("in.ndjson", i + 1, 1, i + 1), true));
    }

    static Operation update(int i) {
        ObjectNode body = JSON.createObjectNode().put("userId", "u" + i).put("id", "p" + i).put("isCurrent", true);
        return Operation.update(new Edit(body, new Location("in.ndjson", i + 1, 1, i + 1), true));
    }

    static Operation delete(int i) {
        return Operation.delete("u" + i, "p" + i, new Location("in.ndjson", i + 1, 1, i + 1));
    }

    /** What the server answers a request (on its own or inside a $batch): status and body. */
    record Reply(int status, String body, Map<String, String> headers) {
        static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }

    /** A default answer per method: a create gets an id made from its user (in the URL: the body has none), a PATCH the position, a DELETE 204. */
    static Reply ok(String method, String url, JsonNode body) {
        switch (method) {
            case "POST":
                return Reply.of(201, "{\"id\":\"new-" + url.split("/")[2] + "\",\"isCurrent\":false}");
            case "PATCH":
                return Reply.of(200, "{\"id\":\"" + url.substring(url.lastIndexOf('/') + 1) + "\",\"isCurrent\":true}");
            default:
                return Reply.of(204, null);
        }
    }

    static Reply error(int status, String code) {
        return Reply.of(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"no " + code + "\"}}");
    }

    /** Answers plain requests and each $batch item alike, by method, URL (relative) and body. */
    void answering(BiFunction<String, String, Reply> reply) {
        answering((m, u, b) -> reply.apply(m, u));
    }

    interface Replies {
        Reply reply(String method, String url, JsonNode body);
    }

    void answering(Replies reply) {
        server.fallback(r -> {
            try {
                if (r.rawPath().endsWith("/$batch")) {
                    ObjectNode out = JSON.createObjectNode();
                    var responses = out.putArray("responses");
                    for (JsonNode item : JSON.readTree(r.body()).path("requests")) {
                        Reply a = reply.reply(item.path("method").asText(), item.path("url").asText(), item.path("body"));
                        ObjectNode one = responses.addObject().put("id", item.path("id").asText()).put("status", a.status());
                        ObjectNode headers = one.putObject("headers").put("request-id", "rq-" + item.path("id").asText());
                        a.headers().forEach(headers::put);
                        if (a.body() != null) {
                            one.set("body", JSON.readTree(a.body()));
                        }
                    }
                    return Answer.json(200, out.toString());
                }
                String rel = r.rawPath().substring("/beta".length());
                Reply a = reply.reply(r.method(), rel, r.body().isEmpty() ? JSON.missingNode() : JSON.readTree(r.body()));
                Answer answer = new Answer(a.status(), Map.of(), a.body() == null ? "" : a.body(), 0);
                for (Map.Entry<String, String> h : a.headers().entrySet()) {
                    answer = answer.withHeader(h.getKey(), h.getValue());
                }
                return answer;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    Engine engine(int concurrency, int batchSize, boolean failFast) {
        Sequence sequence = new Sequence(service, WRITE_ONLY, null);
        return new Engine(sequence, Transport.batched(new BatchClient(client, paths, HTTP, Clock.systemUTC())),
            Transport.single(client, paths), new Engine.Options(concurrency, batchSize, failFast), (op, r) -> outcomes.add(r));
    }

    List<Outcome> run(Engine engine, List<Operation> ops) throws InterruptedException {
        for (Operation op : ops) {
            if (!engine.submit(op)) {
                break;
            }
        }
        engine.finish();
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort((a, b) -> Integer.compare(a.source().line(), b.source().line()));
        return sorted;
    }

    List<Recorded> batches() {
        return server.requests().stream().filter(r -> r.rawPath().endsWith("/$batch")).toList();
    }

    static JsonNode items(Recorded batch) {
        try {
            return JSON.readTree(batch.body()).path("requests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Operation> ops(int n, java.util.function.IntFunction<Operation> each) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ops.add(each.apply(i));
        }
        return ops;
    }

    @Test
    void fortyFiveOperationsGoAsChunksOfTwentyTwentyAndFive() throws Exception {
        answering(EngineTest::okReply);
        // one request at a time: with idle slots the last chunk would be shared among them (EnginePipelineTest)
        List<Outcome> out = run(engine(1, 20, false), ops(45, EngineTest::delete));
        assertEquals(3, server.requests().size(), "nothing but the three $batch requests: " + server.requests());
        assertEquals(List.of(5, 20, 20), batches().stream().map(b -> items(b).size()).sorted().toList());
        Set<String> sent = new java.util.HashSet<>();
        batches().forEach(b -> items(b).forEach(i -> sent.add(i.get("url").asText())));
        assertEquals(45, sent.size(), "each operation sent once");
        assertEquals(45, out.size());
        assertTrue(out.stream().allMatch(o -> o.status() == Outcome.Status.deleted), out::toString);
        assertEquals("p44", out.get(44).id());
    }

    private static Reply okReply(String method, String url) {
        return ok(method, url, null);
    }

    @Test
    void mixedKindsShareOneBatchAndBatchSizeOneSendsTheSameAsPlainRequests() throws Exception {
        answering((Replies) EngineTest::ok);
        List<Operation> mixed = List.of(create(0), update(1), delete(2));
        List<Outcome> batched = run(engine(1, 3, false), mixed);
        assertEquals(1, server.requests().size(), server.requests()::toString);
        JsonNode items = items(server.requests().get(0));
        assertEquals(List.of("POST /users/u0/profile/positions", "PATCH /users/u1/profile/positions/p1",
            "DELETE /users/u2/profile/positions/p2"), itemLines(items));
        assertEquals("T0", items.get(0).at("/body/detail/jobTitle").asText(), "the POST item carries its body");
        assertEquals(true, items.get(1).at("/body/isCurrent").asBoolean());

        outcomes.clear();
        int before = server.requests().size();
        List<Outcome> single = run(engine(1, 1, false), mixed);
        List<Recorded> plain = server.requests().subList(before, server.requests().size());
        assertEquals(List.of("POST /beta/users/u0/profile/positions", "PATCH /beta/users/u1/profile/positions/p1",
            "DELETE /beta/users/u2/profile/positions/p2"), plain.stream().map(r -> r.method() + " " + r.rawPath()).toList(),
            "batch size 1: plain requests, no $batch");
        assertTrue(JSON.readTree(plain.get(0).body()).at("/detail/jobTitle").asText().equals("T0"));
        assertEquals(summary(batched), summary(single), "the same outcomes by either transport");
        assertEquals(List.of("created new-u0", "updated p1", "deleted p2"), summary(single));
    }

    private static List<String> itemLines(JsonNode items) {
        List<String> lines = new ArrayList<>();
        items.forEach(i -> lines.add(i.get("method").asText() + " " + i.get("url").asText()));
        return lines;
    }

    private static List<String> summary(List<Outcome> out) {
        return out.stream().map(o -> o.status() + " " + o.id()).collect(Collectors.toList());
    }

    @Test
    void failFastStopsAfterTheChunkThatFailed() throws Exception {
        answering((m, u) -> u.endsWith("/p0") ? error(400, "invalidRequest") : okReply(m, u));
        Engine engine = engine(1, 20, true);
        List<Outcome> out = run(engine, ops(45, EngineTest::delete));
        assertTrue(engine.stopped());
        assertEquals(1, server.requests().size(), "no chunk after the failure is sent: " + server.requests());
        assertEquals(20, out.size(), "the chunk in flight completes");
        assertEquals(Outcome.Status.failed, out.get(0).status());
        assertEquals(ExitCode.REJECTED, out.get(0).exitCode());
        assertEquals(19, out.stream().filter(o -> o.status() == Outcome.Status.deleted).count());
    }

    @Test
    void withoutFailFastAFailureStopsNothing() throws Exception {
        answering((m, u) -> u.endsWith("/p0") ? error(400, "invalidRequest") : okReply(m, u));
        Engine engine = engine(1, 20, false);
        assertEquals(45, run(engine, ops(45, EngineTest::delete)).size());
        assertEquals(3, server.requests().size());
    }

    @Test
    void aFailedBatchFailsEachOfItsItemsWithItsError() throws Exception {
        server.fallback(r -> Answer.json(400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"the batch is malformed\"}}"));
        List<Outcome> out = run(engine(1, 20, false), List.of(create(0), update(1), delete(2)));
        assertEquals(1, server.requests().size(), "a 400 is not retried");
        assertEquals(3, out.size());
        for (Outcome o : out) {
            assertEquals(Outcome.Status.failed, o.status(), o::toString);
            assertEquals(400, o.httpStatus(), o::toString);
            assertEquals("BadRequest", o.errorCode(), o::toString);
            assertTrue(o.error().contains("the batch is malformed"), o::toString);
            assertEquals(ExitCode.REJECTED, o.exitCode());
        }
    }

    @Test
    void aBatchThatGetsNoAnswerFailsEachItemAndACreateInItIsUnknown() throws Exception {
        URI base = URI.create(server.base());
        server.close();  // nothing listens: every request fails before any answer
        GraphClient gone = new GraphClient(base, "tok", "posctl/test", new HttpSettings(Duration.ofMillis(500), Duration.ofSeconds(1), 0,
            Duration.ofSeconds(1), Duration.ofMillis(1)), null, Clock.systemUTC());
        try {
            Sequence sequence = new Sequence(new PositionService(gone, paths), WRITE_ONLY, null);
            Engine engine = new Engine(sequence, Transport.batched(new BatchClient(gone, paths, HTTP, Clock.systemUTC())),
                Transport.single(gone, paths), new Engine.Options(1, 20, false), (op, r) -> outcomes.add(r));
            List<Outcome> out = run(engine, List.of(update(0), delete(1)));
            assertEquals(2, out.size());
            for (Outcome o : out) {
                assertEquals(Outcome.Status.failed, o.status(), o::toString);
                assertEquals(ExitCode.UNREACHABLE, o.exitCode(), o::toString);
                assertTrue(o.error() != null && !o.error().isBlank(), o::toString);
            }
        } finally {
            gone.close();
        }
    }

    @Test
    void throttledItemsAreSentAgainAfterTheirRetryAfterAndOnlyThey() throws Exception {
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        answering((m, u, b) -> {
            int n = seen.merge(m + " " + u, 1, Integer::sum);
            if (n == 1 && (u.endsWith("/p1") || u.equals("/users/u2/profile/positions"))) {
                return new Reply(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}",
                    Map.of("Retry-After", "0"));
            }
            return ok(m, u, b);
        });
        List<Outcome> out = run(engine(1, 20, false), List.of(delete(0), delete(1), create(2), update(3)));
        assertEquals(List.of("deleted p0", "deleted p1", "created new-u2", "updated p3"), summary(out));
        assertEquals(2, batches().size(), server.requests()::toString);
        assertEquals(List.of("DELETE /users/u1/profile/positions/p1", "POST /users/u2/profile/positions"),
            itemLines(items(batches().get(1))), "the throttled items alone, the POST too (a 429 says it was not done)");
    }

    @Test
    void inputThatChangedAfterValidationIsAFailedOutcomeAndNothingIsSentForIt() throws Exception {
        answering(EngineTest::okReply);
        Environment env = new Environment(Map.of("POSCTL_TOKEN", "tok"), new ByteArrayInputStream(new byte[0]), false, false, false,
            dir, Clock.systemUTC());
        RunTally tally = new RunTally();
        List<Outcome> shown = Collections.synchronizedList(new ArrayList<>());
        Run run = new Run(new Run.Settings(1, 20, false, false, null, false), tally, new Run.Output() {
            @Override
            public void outcome(Outcome r) {
                shown.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void note(String message) {
            }

            @Override
            public void warn(String message) {
            }
        }, source -> source);
        Location changed = new Location("in.ndjson", 2, 1, 2);
        Run.Feed feed = (reread, each) -> {
            each.accept(delete(0));
            // the second reading finds document 2 broken: its edit comes invalid, and the reading says why
            each.accept(new Operation(Operation.Kind.delete,
                new Edit(JSON.createObjectNode().put("userId", "u1").put("id", "p1"), changed, false)));
            reread.add(new Problem(changed, Severity.ERROR, ProblemCode.WRONG_TYPE, "id", "id: expected a string"));
            each.accept(delete(2));
        };
        try (Connection connection = Connection.open(new Connection.Settings(server.base(), PathStyle.graph, HTTP, false), env, null,
            new PrintWriter(new StringWriter()), true)) {
            run.send(feed, connection, HTTP, Clock.systemUTC(), null, null, WRITE_ONLY, null);
        }
        List<String> urls = new ArrayList<>();
        server.requests().forEach(r -> items(r).forEach(i -> urls.add(i.get("url").asText())));
        assertEquals(List.of("/users/u0/profile/positions/p0", "/users/u2/profile/positions/p2"), urls, "nothing sent for it");
        Outcome failed = shown.stream().filter(Outcome::isFailure).findFirst().orElseThrow(() -> new AssertionError(shown));
        assertEquals("inputChanged", failed.errorCode());
        assertEquals(changed, failed.source(), "it points at the input that changed");
        assertTrue(failed.error().contains("the input changed after it was validated: id: expected a string"), failed::toString);
        assertEquals(3, shown.size(), "each input has its outcome: " + shown);
        assertEquals(1, tally.count(Outcome.Status.failed));
        assertEquals(2, tally.count(Outcome.Status.deleted));
        assertEquals(ExitCode.REJECTED, run.exitCode());
    }
}
