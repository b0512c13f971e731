package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.http.RecordingServer.Answer;
import dev.posctl.http.RecordingServer.Recorded;
import dev.posctl.http.RecordingServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What posctl actually puts on the wire, checked by a real server on 127.0.0.1. */
class UpdateAgainstRecordingServerTest {
    static final String TOKEN = RecordedEndpoint.TOKEN;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CURRENT = "{\"id\":\"p1\",\"isCurrent\":true,\"detail\":{\"jobTitle\":\"PM\",\"role\":\"R\","
        + "\"startMonthYear\":\"2021-03-01\",\"company\":{\"displayName\":\"Contoso\",\"department\":\"Product\"}},\"categories\":[\"x\"]}";

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

    /** GET answers the current state; PATCH answers 200 with the body merged into it. */
    void graphLike() {
        server.fallback(r -> {
            if (r.method().equals("GET")) {
                return Answer.json(200, CURRENT);
            }
            try {
                JsonNode merged = ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(CURRENT)).setAll(
                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(r.body()));
                return Answer.json(200, merged.toString());
            } catch (Exception e) {
                return Answer.json(500, "{}");
            }
        });
    }

    @Test
    void patchCarriesGraphHeadersAndTheMergedComplexValue() throws Exception {
        graphLike();
        Cli.Result r = cli().run("update", "--user", "adele@contoso.com", "--id", "p1", "--job-title", "Principal PM", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        List<Recorded> patches = server.requests("PATCH");
        assertEquals(1, patches.size());
        Recorded p = patches.get(0);
        assertEquals("/beta/users/adele%40contoso.com/profile/positions/p1", p.rawPath());
        assertEquals("Bearer " + TOKEN, p.header("Authorization"));
        assertEquals("application/json", p.header("Content-Type"));
        assertEquals("application/json", p.header("Accept"));
        assertTrue(p.header("client-request-id").matches("[0-9a-f-]{36}"), p.header("client-request-id"));
        assertTrue(p.header("User-Agent").startsWith("posctl/"), p.header("User-Agent"));
        assertFalse(p.header("client-request-id").equals(server.requests("GET").get(0).header("client-request-id")));
        JsonNode body = JSON.readTree(p.body());
        assertEquals(JSON.readTree("{\"detail\":{\"jobTitle\":\"Principal PM\",\"role\":\"R\",\"startMonthYear\":\"2021-03-01\","
            + "\"company\":{\"displayName\":\"Contoso\",\"department\":\"Product\"}}}"), body, "untouched nested fields kept, nothing else sent");
        JsonNode result = JSON.readTree(r.out()).get(0);
        assertEquals("updated", result.get("status").asText());
        assertEquals(200, result.get("httpStatus").asInt());
        assertEquals("detail.jobTitle", result.get("changed").get(0).asText());
        assertEquals("Principal PM", result.at("/position/detail/jobTitle").asText());
    }

    @Test
    void nestedMergeDownToTheCompany() throws Exception {
        graphLike();
        assertEquals(0, cli().run("update", "--user", "u", "--id", "p1", "--department", "Research").code());
        JsonNode body = JSON.readTree(server.requests("PATCH").get(0).body());
        assertEquals("Contoso", body.at("/detail/company/displayName").asText());
        assertEquals("Research", body.at("/detail/company/department").asText());
        assertEquals("PM", body.at("/detail/jobTitle").asText());
    }

    @Test
    void noMergeSendsTheEditAsWritten() throws Exception {
        graphLike();
        assertEquals(0, cli().run("update", "--no-merge", "--user", "u", "--id", "p1", "--job-title", "X").code());
        assertEquals(0, server.requests("GET").size());
        assertEquals(JSON.readTree("{\"detail\":{\"jobTitle\":\"X\"}}"), JSON.readTree(server.requests("PATCH").get(0).body()));
    }

    @Test
    void unchangedEditsSendNoPatch() throws Exception {
        graphLike();
        Cli.Result r = cli().run("update", "--user", "u", "--id", "p1", "--job-title", "PM", "--set", "categories=x", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(0, server.requests("PATCH").size());
        assertEquals("unchanged", JSON.readTree(r.out()).get(0).get("status").asText());
        assertTrue(r.err().contains("0 updated, 1 unchanged, 0 failed"), r::toString);
    }

    @Test
    void seedPathStylePutsTheIdInTheBody() throws Exception {
        graphLike();
        Cli.Result r = cli().run("update", "--path-style", "seed", "--user", "adele@contoso.com", "--id", "p1", "--role", "Lead");
        assertEquals(0, r.code(), r::toString);
        Recorded p = server.requests("PATCH").get(0);
        assertEquals("/beta/user/adele%40contoso.com/profile/positions", p.rawPath());
        assertEquals("p1", JSON.readTree(p.body()).get("id").asText());
        assertEquals("/beta/users/adele%40contoso.com/profile/positions/p1", server.requests("GET").get(0).rawPath());
    }

    @Test
    void meAndHostileIdsStayOneSegment() throws Exception {
        graphLike();
        assertEquals(0, cli().run("update", "--user", "me", "--id", "p1", "--role", "Lead").code());
        assertEquals("/beta/me/profile/positions/p1", server.requests("PATCH").get(0).rawPath());
        assertEquals(0, cli().run("update", "--user", "a b/../c@x", "--id", "..", "--role", "Lead").code());
        assertEquals("/beta/users/a%20b%2F..%2Fc%40x/profile/positions/%2E%2E", server.requests("PATCH").get(1).rawPath());
        assertEquals(0, cli().run("update", "--user", "u?x=1#f", "--id", "id/with/slash", "--role", "Lead").code());
        assertEquals("/beta/users/u%3Fx%3D1%23f/profile/positions/id%2Fwith%2Fslash", server.requests("PATCH").get(2).rawPath());
        assertNull(server.requests("PATCH").get(2).rawQuery());
    }

    @Test
    void noContentShowsTheMergedStateOrReadsItBack() throws Exception {
        server.fallback(r -> r.method().equals("GET") ? Answer.json(200, CURRENT) : Answer.json(204, null));
        Cli.Result r = cli().run("update", "--user", "u", "--id", "p1", "--job-title", "New", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        JsonNode res = JSON.readTree(r.out()).get(0);
        assertEquals(204, res.get("httpStatus").asInt());
        assertEquals("New", res.at("/position/detail/jobTitle").asText());
        assertEquals("Contoso", res.at("/position/detail/company/displayName").asText());
        assertEquals(1, server.requests("GET").size());
        assertEquals(0, cli().run("update", "--show-result", "--user", "u", "--id", "p1", "--job-title", "New").code());
        assertEquals(3, server.requests("GET").size(), "one read to merge, one to show the result");
    }

    @Test
    void graphErrorsBecomeOneLineWithTheRequestId() throws Exception {
        server.then(Answer.json(200, CURRENT)).then(Answer.json(400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Invalid value\","
            + "\"innerError\":{\"request-id\":\"abc-123\",\"date\":\"2026-11-28T10:00:00\"}}}"));
        Cli.Result r = cli().run("update", "--user", "u", "--id", "p1", "--job-title", "X", "-o", "json");
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.err().contains("400 BadRequest: Invalid value (request-id abc-123, date 2026-11-28T10:00:00)"), r::toString);
        JsonNode res = JSON.readTree(r.out()).get(0);
        assertEquals("failed", res.get("status").asText());
        assertEquals("abc-123", res.get("requestId").asText());
    }

    @Test
    void forbiddenExplainsThePermission() {
        server.then(Answer.json(200, CURRENT)).then(Answer.json(403, "{\"error\":{\"code\":\"Authorization_RequestDenied\","
            + "\"message\":\"Insufficient privileges to complete the operation.\"}}"));
        Cli.Result r = cli().run("update", "--user", "u", "--id", "p1", "--job-title", "X");
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.err().contains("User.ReadWrite.All"), r::toString);
        assertTrue(r.err().contains("request-id rid-2"), r::toString);
    }

    @Test
    void throttlingIsRetriedHonouringRetryAfter() throws Exception {
        server.then(Answer.json(200, CURRENT))
            .then(Answer.json(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}").withHeader("Retry-After", "0.3"))
            .then(Answer.json(503, "").withHeader("Retry-After", "0"))
            .then(Answer.json(200, CURRENT));
        long start = System.nanoTime();
        Cli.Result r = cli().run("update", "--user", "u", "--id", "p1", "--job-title", "X", "-o", "json");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, r.code(), r::toString);
        assertEquals(3, server.requests("PATCH").size());
        assertTrue(ms >= 300, "waited the fractional Retry-After: " + ms);
    }

    @Test
    void stillFailingAfterRetriesIsExitSix() {
        server.fallback(r -> r.method().equals("GET") ? Answer.json(200, CURRENT)
            : Answer.json(503, "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"try later\"}}").withHeader("Retry-After", "0"));
        Cli.Result r = cli().run("update", "--max-retries", "2", "--user", "u", "--id", "p1", "--job-title", "X");
        assertEquals(6, r.code(), r::toString);
        assertEquals(3, server.requests("PATCH").size());
        assertTrue(r.err().contains("503 ServiceUnavailable: try later"), r::toString);
    }

    @Test
    void slowResponsesTimeOut() {
        server.fallback(r -> Answer.json(200, CURRENT).delayed(3000));
        long start = System.nanoTime();
        Cli.Result r = cli().run("update", "--timeout", "0.3", "--max-retries", "1", "--user", "u", "--id", "p1", "--job-title", "X");
        assertEquals(6, r.code(), r::toString);
        assertTrue(r.err().contains("timed out"), r::toString);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2900);
    }

    @Test
    void unreachableEndpointIsExitSix() {
        Cli.Result r = new Cli(dir).env("POSCTL_TOKEN", TOKEN).run("update", "--endpoint", "http://127.0.0.1:9/beta",
            "--max-retries", "1", "--user", "u", "--id", "p1", "--job-title", "X");
        assertEquals(6, r.code(), r::toString);
        assertTrue(r.err().contains("cannot connect"), r::toString);
    }

    @Test
    void invalidInputSendsNothing() throws Exception {
        graphLike();
        Files.writeString(dir.resolve("e.ndjson"), "{\"userId\":\"u\",\"id\":\"1\",\"detail\":{\"jobTitle\":\"A\"}}\n"
            + "{\"userId\":\"u\",\"id\":\"2\",\"detail\":{\"layer\":\"x\"}}\n");
        Cli.Result r = cli().run("update", "-f", "e.ndjson");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("e.ndjson:2:42: error: detail.layer"), r::toString);
        assertEquals(0, server.requests().size());
    }

    @Test
    void aPipeIsReadOnceAndSpooledLikeStdin() throws Exception {
        graphLike();
        // what -f <(jq -c ...) gives: a path that can be read only once, with no extension to tell NDJSON by
        Path fifo = dir.resolve("63");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, "{\"userId\":\"a\",\"id\":\"p1\",\"detail\":{\"jobTitle\":\"A\"}}\n"
                    + "{\"userId\":\"b\",\"id\":\"p2\",\"detail\":{\"jobTitle\":\"B\"}}\n");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        Cli.Result r = cli().run("update", "-f", fifo.toString(), "-o", "ndjson", "--batch-size", "1");
        assertEquals(0, r.code(), r::toString);
        assertEquals(2, server.requests("PATCH").size(), r::toString);
        assertTrue(r.out().contains("\"source\":\"" + fifo + ":2:1\""), r::toString);
    }

    @Test
    void anInputThatChangesBetweenValidationAndSendingLosesNoEdit() throws Exception {
        // YAML documents of equal length, read one by one when sending: document 280 is far from read
        // when the first request arrives, and the server then breaks it in place
        int docs = 300;
        int broken = 280;
        String pad = "d".repeat(1000);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= docs; i++) {
            sb.append(String.format("---%nuserId: u%05d%nid: p1%ndetail: {jobTitle: T%05d, description: %s}%n", i, i, pad));
        }
        Path file = dir.resolve("edits.yaml");
        Files.writeString(file, sb);
        int docLength = sb.indexOf("---\n", 4);
        AtomicBoolean changed = new AtomicBoolean();
        server.fallback(r -> {
            if (changed.compareAndSet(false, true)) {
                breakInPlace(file, (long) (broken - 1) * docLength, docLength, "T00" + broken, "[1, 2]");
            }
            return batchOf(r.body(), CURRENT);
        });
        Cli.Result r = cli().run("update", "-f", file.toString(), "-o", "ndjson", "--concurrency", "1");
        assertEquals(4, r.code(), r::toString);
        assertEquals(docs, r.out().trim().split("\n").length, "every edit has its result line: " + r);
        assertTrue(r.err().contains("edits.yaml:" + ((broken - 1) * 4 + 4) + ":")
            && r.err().contains("not sent: the input changed after it was validated"), r::toString);
        assertTrue(r.err().contains((docs - 1) + " updated, 0 unchanged, 1 failed"), r::toString);
        int patched = 0;
        for (var req : server.requests("POST")) {
            patched += req.body().split("\"method\":\"PATCH\"", -1).length - 1;
        }
        assertEquals(docs - 1, patched);
    }

    private static void breakInPlace(Path file, long offset, int length, String from, String to) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] doc = new byte[length];
            f.seek(offset);
            f.readFully(doc);
            f.seek(offset);
            f.write(new String(doc, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A $batch answer: every item 200 with the same body. */
    private static Answer batchOf(String requestBody, String itemBody) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode out = JSON.createObjectNode();
            var responses = out.putArray("responses");
            for (JsonNode item : JSON.readTree(requestBody).path("requests")) {
                var one = responses.addObject();
                one.put("id", item.path("id").asText());
                one.put("status", 200);
                one.putObject("headers").put("Content-Type", "application/json");
                one.set("body", JSON.readTree(itemBody));
            }
            return Answer.json(200, out.toString());
        } catch (IOException e) {
            return Answer.json(500, "{}");
        }
    }

    @Test
    void filesAndStdinSendOnePatchPerEdit() throws Exception {
        graphLike();
        Files.writeString(dir.resolve("e.yaml"), "userId: a\nid: p1\ndetail: {jobTitle: A}\n---\nuserId: b\nid: p2\nisCurrent: false\n");
        Cli.Result r = cli().stdin("{\"userId\":\"c\",\"id\":\"p3\",\"detail\":{\"role\":\"Z\"}}\n")
            .run("update", "--batch-size", "1", "--concurrency", "1", "-f", "e.yaml", "-f", "-", "-o", "ndjson");
        assertEquals(0, r.code(), r::toString);
        assertEquals(3, server.requests("PATCH").size());
        String[] lines = r.out().trim().split("\n");
        assertEquals(3, lines.length);
        assertEquals("e.yaml:5:1", JSON.readTree(lines[1]).get("source").asText());
        assertEquals("/beta/users/c/profile/positions/p3", server.requests("PATCH").get(2).rawPath());
    }

    @Test
    void dryRunReadsButNeverWritesAndRedactsTheToken() {
        graphLike();
        Cli.Result r = cli().run("update", "--dry-run", "--user", "u", "--id", "p1", "--job-title", "X", "-o", "table");
        assertEquals(0, r.code(), r::toString);
        assertEquals(0, server.requests("PATCH").size());
        assertTrue(r.out().startsWith("PATCH " + server.base() + "/users/u/profile/positions/p1\nAuthorization: Bearer [REDACTED]\n"), r::toString);
        assertTrue(r.out().contains("\"jobTitle\" : \"X\""), r::toString);
        assertFalse(r.out().contains(TOKEN) || r.err().contains(TOKEN));
    }

    @Test
    void debugShowsTrafficWithoutTheToken() {
        graphLike();
        Cli.Result r = cli().run("update", "--debug", "--user", "u", "--id", "p1", "--job-title", "X");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("> PATCH " + server.base() + "/users/u/profile/positions/p1"), r::toString);
        assertTrue(r.err().contains("> Authorization: Bearer [REDACTED]"), r::toString);
        assertTrue(r.err().contains("< 200 ("), r::toString);
        assertFalse(r.err().contains(TOKEN) || r.out().contains(TOKEN), "token leaked");
        assertFalse(r.err().contains("secret-token-value"), "no part of the token either");
    }

    @Test
    void diffExitCodes() throws Exception {
        graphLike();
        Cli.Result same = cli().run("diff", "--user", "u", "--id", "p1", "--job-title", "PM");
        assertEquals(0, same.code(), same::toString);
        Cli.Result differs = cli().run("diff", "--user", "u", "--id", "p1", "--job-title", "Boss", "-o", "json");
        assertEquals(1, differs.code(), differs::toString);
        JsonNode row = JSON.readTree(differs.out()).get(0);
        assertEquals("detail.jobTitle", row.get("path").asText());
        assertEquals("PM", row.get("current").asText());
        assertEquals("Boss", row.get("new").asText());
        assertEquals(0, server.requests("PATCH").size());
    }

    @Test
    void listFollowsNextLinks() throws Exception {
        server.then(Answer.json(200, "{\"value\":[{\"id\":\"a\"}],\"@odata.nextLink\":\"" + server.base() + "/users/u/profile/positions?$skiptoken=2\"}"))
            .then(Answer.json(200, "{\"value\":[{\"id\":\"b\"},{\"id\":\"c\"}]}"));
        Cli.Result r = cli().run("list", "--user", "u", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(3, JSON.readTree(r.out()).size());
        assertEquals("$skiptoken=2", server.requests().get(1).rawQuery());
    }

    @Test
    void tokensAreRequiredAndNeverSentInTheClear() {
        Cli.Result none = new Cli(dir).env("POSCTL_ENDPOINT", server.base()).run("list", "--user", "u");
        assertEquals(5, none.code(), none::toString);
        assertTrue(none.err().contains("POSCTL_TOKEN"), none::toString);
        Cli.Result clear = new Cli(dir).env("POSCTL_TOKEN", TOKEN).run("list", "--user", "u", "--endpoint", "http://graph.example.com/beta");
        assertEquals(7, clear.code(), clear::toString);
        assertTrue(clear.err().contains("refusing to send a token over plain http://"), clear::toString);
        assertEquals(0, server.requests().size());
    }

    @Test
    void currentFindsTheCurrentPosition() throws Exception {
        server.then(Answer.json(200, "{\"value\":[{\"id\":\"old\",\"isCurrent\":false},"
            + "{\"id\":\"p1\",\"isCurrent\":true,\"detail\":{\"jobTitle\":\"PM\",\"role\":\"Listed\"}}]}"));
        graphLike();
        Cli.Result r = cli().run("update", "--current", "--user", "u", "--job-title", "X");
        assertEquals(0, r.code(), r::toString);
        assertEquals("/beta/users/u/profile/positions/p1", server.requests("PATCH").get(0).rawPath());
        assertEquals(1, server.requests("GET").size(), "the list answer is the merge base: no second read");
        assertEquals("Listed", JSON.readTree(server.requests("PATCH").get(0).body()).at("/detail/role").asText());
        server.then(Answer.json(200, "{\"value\":[{\"id\":\"a\",\"isCurrent\":true},{\"id\":\"b\",\"isCurrent\":true}]}"));
        Cli.Result two = cli().run("update", "--current", "--user", "u", "--job-title", "X");
        assertEquals(4, two.code(), two::toString);
        assertTrue(two.err().contains("2 current positions (a, b)"), two::toString);
    }
}
