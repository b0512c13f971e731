package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import dev.posctl.http.RecordingServer.Recorded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What posctl export puts on the wire: $batch of 20 list reads, nextLinks followed (only home), /users paged. */
class ExportAgainstRecordingServerTest {
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

    static String position(String id) {
        return "{\"id\":\"" + id + "\",\"detail\":{\"jobTitle\":\"T\"},\"createdDateTime\":\"2025-01-01T00:00:00Z\"}";
    }

    /** Answers each $batch item with its user's one position, or what {@code item} says for that url. */
    void batches(Function<String, String> item) {
        server.fallback(r -> {
            if (r.method().equals("POST") && r.rawPath().endsWith("/$batch")) {
                try {
                    ObjectNode out = JSON.createObjectNode();
                    ArrayNode responses = out.putArray("responses");
                    for (JsonNode q : JSON.readTree(r.body()).get("requests")) {
                        String url = q.get("url").asText();
                        String body = item.apply(url);
                        responses.addObject().put("id", q.get("id").asText()).put("status", 200)
                            .set("body", JSON.readTree(body));
                    }
                    return Answer.json(200, out.toString());
                } catch (Exception e) {
                    return Answer.json(500, "{}");
                }
            }
            return Answer.json(404, "{\"error\":{\"code\":\"itemNotFound\",\"message\":\"no script\"}}");
        });
    }

    static String user(String url) {
        return java.net.URLDecoder.decode(url.split("/")[2], java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void listsGoOutTwentyToABatch() throws Exception {
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < 45; i++) {
            users.append("u").append(i).append("@contoso.com\n");
        }
        Files.writeString(dir.resolve("users.txt"), users);
        batches(url -> "{\"value\":[" + position("p-" + user(url)) + "]}");
        Cli.Result r = cli().run("export", "-f", "users.txt", "-o", "ndjson", "--concurrency", "2");
        assertEquals(0, r.code(), r.toString());
        List<Recorded> posts = server.requests("POST");
        assertEquals(3, posts.size(), "45 users: batches of 20, 20 and 5");
        List<Integer> sizes = new ArrayList<>();
        for (Recorded p : posts) {
            JsonNode requests = JSON.readTree(p.body()).get("requests");
            sizes.add(requests.size());
            for (JsonNode q : requests) {
                assertEquals("GET", q.get("method").asText());
                assertTrue(q.get("url").asText().matches("/users/u\\d+%40contoso\\.com/profile/positions"), q.toString());
            }
        }
        assertEquals(List.of(20, 20, 5), sizes.stream().sorted((a, b) -> b - a).toList());
        List<String> lines = r.out().lines().toList();
        assertEquals(45, lines.size());
        for (int i = 0; i < 45; i++) {
            JsonNode doc = JSON.readTree(lines.get(i));
            assertEquals("u" + i + "@contoso.com", doc.get("userId").asText(), "documents come in the users' order");
            assertEquals("p-u" + i + "@contoso.com", doc.at("/positions/0/id").asText());
            assertFalse(doc.get("positions").get(0).has("createdDateTime"));
        }
        assertTrue(r.err().contains("exported 45 users (45 positions), 0 failed"), r.toString());
    }

    @Test
    void aNextLinkInsideABatchAnswerIsFollowed() throws Exception {
        String base = server.base();
        RecordingServer.Responder batch = batchResponder(base);
        server.fallback(r -> r.method().equals("GET") && "$skiptoken=2".equals(r.rawQuery())
            ? Answer.json(200, "{\"value\":[" + position("a2") + "]}") : batch.answer(r));
        Cli.Result r = cli().run("export", "--user", "a", "--user", "b", "-o", "ndjson");
        assertEquals(0, r.code(), r.toString());
        JsonNode a = JSON.readTree(r.out().lines().findFirst().orElseThrow());
        assertEquals(2, a.get("positions").size(), r.toString());
        assertEquals("a2", a.at("/positions/1/id").asText());
        Recorded page2 = server.requests("GET").get(0);
        assertEquals("/beta/users/a/profile/positions", page2.rawPath());
        assertEquals("Bearer " + RecordedEndpoint.TOKEN, page2.header("Authorization"));
    }

    RecordingServer.Responder batchResponder(String base) {
        return r -> {
            if (!r.rawPath().endsWith("/$batch")) {
                return Answer.json(404, "{}");
            }
            try {
                ObjectNode out = JSON.createObjectNode();
                ArrayNode responses = out.putArray("responses");
                for (JsonNode q : JSON.readTree(r.body()).get("requests")) {
                    String u = user(q.get("url").asText());
                    String body = u.equals("a") ? "{\"value\":[" + position("a1") + "],\"@odata.nextLink\":\"" + base
                        + "/users/a/profile/positions?$skiptoken=2\"}" : "{\"value\":[" + position(u + "1") + "]}";
                    responses.addObject().put("id", q.get("id").asText()).put("status", 200).set("body", JSON.readTree(body));
                }
                return Answer.json(200, out.toString());
            } catch (Exception e) {
                return Answer.json(500, "{}");
            }
        };
    }

    @Test
    void aNextLinkAwayFromTheEndpointIsNotFollowed() throws Exception {
        batches(url -> user(url).equals("a")
            ? "{\"value\":[" + position("a1") + "],\"@odata.nextLink\":\"http://evil.example.com/beta/steal\"}"
            : "{\"value\":[" + position("b1") + "]}");
        Cli.Result r = cli().run("export", "--user", "a", "--user", "b", "-o", "ndjson");
        assertEquals(4, r.code(), r.toString());
        assertTrue(r.err().contains("points away from the endpoint"), r.toString());
        assertEquals(1, r.out().lines().count(), "b is still exported: " + r);
        assertTrue(r.out().contains("\"userId\":\"b\""), r.toString());
        assertEquals(1, server.requests().size(), "nothing but the $batch went out");
        assertFalse(r.err().contains(RecordedEndpoint.TOKEN), r.toString());
    }

    @Test
    void allUsersFollowsTheDirectorysNextLink() throws Exception {
        String base = server.base();
        RecordingServer.Responder batch = batchResponder(base);
        server.fallback(r -> {
            if (r.method().equals("GET") && r.rawPath().equals("/beta/users")) {
                return r.rawQuery().contains("skiptoken")
                    ? Answer.json(200, "{\"value\":[{\"id\":\"id-b\",\"userPrincipalName\":\"b@contoso.com\"},{\"id\":\"id-c\",\"userPrincipalName\":null}]}")
                    : Answer.json(200, "{\"value\":[{\"id\":\"id-a\",\"userPrincipalName\":\"a@contoso.com\"}],\"@odata.nextLink\":\""
                        + base + "/users?$select=id,userPrincipalName&$skiptoken=X\"}");
            }
            return batch.answer(r);
        });
        Cli.Result r = cli().run("export", "--all-users", "-o", "ndjson");
        assertEquals(0, r.code(), r.toString());
        List<Recorded> gets = server.requests("GET");
        assertEquals(2, gets.size(), r.toString());
        assertEquals("$select=id,userPrincipalName&$top=999", gets.get(0).rawQuery());
        List<String> users = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            users.add(JSON.readTree(line).get("userId").asText());
        }
        assertEquals(List.of("a@contoso.com", "b@contoso.com", "id-c"), users, "the UPN, else the id");
    }

    @Test
    void forbiddenDirectorySaysWhichPermission() {
        server.fallback(r -> Answer.json(403, "{\"error\":{\"code\":\"Authorization_RequestDenied\","
            + "\"message\":\"Insufficient privileges to complete the operation.\"}}"));
        Cli.Result r = cli().run("export", "--all-users", "-o", "ndjson");
        assertEquals(5, r.code(), r.toString());
        assertTrue(r.err().contains("User.Read.All"), r.toString());
        assertEquals("", r.out());
        assertEquals(1, server.requests().size());
    }

    @Test
    void aUserWhoseListFailsIsReportedAndTheRestExported() {
        server.fallback(r -> {
            try {
                ObjectNode out = JSON.createObjectNode();
                ArrayNode responses = out.putArray("responses");
                for (JsonNode q : JSON.readTree(r.body()).get("requests")) {
                    String u = user(q.get("url").asText());
                    ObjectNode item = responses.addObject().put("id", q.get("id").asText());
                    if (u.equals("gone")) {
                        item.put("status", 404).set("body", JSON.readTree(
                            "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"no such user\"}}"));
                    } else {
                        item.put("status", 200).set("body", JSON.readTree("{\"value\":[" + position(u) + "]}"));
                    }
                }
                return Answer.json(200, out.toString());
            } catch (Exception e) {
                return Answer.json(500, "{}");
            }
        });
        Cli.Result r = cli().run("export", "--user", "a", "--user", "gone", "--user", "c", "-o", "ndjson");
        assertEquals(4, r.code(), r.toString());
        assertTrue(r.err().contains("list positions of gone"), r.toString());
        assertTrue(r.err().contains("exported 2 users (2 positions), 1 failed"), r.toString());
        assertEquals(2, r.out().lines().count());
    }

    @Test
    void aThrottledListIsAskedAgainOnItsOwn() throws Exception {
        java.util.concurrent.atomic.AtomicInteger batchesSeen = new java.util.concurrent.atomic.AtomicInteger();
        server.fallback(r -> {
            try {
                boolean first = batchesSeen.getAndIncrement() == 0;
                ObjectNode out = JSON.createObjectNode();
                ArrayNode responses = out.putArray("responses");
                for (JsonNode q : JSON.readTree(r.body()).get("requests")) {
                    String u = user(q.get("url").asText());
                    ObjectNode item = responses.addObject().put("id", q.get("id").asText());
                    if (first && u.equals("b")) {
                        item.put("status", 429).putObject("headers").put("Retry-After", "0");
                        item.set("body", JSON.readTree("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}"));
                    } else {
                        item.put("status", 200).set("body", JSON.readTree("{\"value\":[" + position(u) + "]}"));
                    }
                }
                return Answer.json(200, out.toString());
            } catch (Exception e) {
                return Answer.json(500, "{}");
            }
        });
        Cli.Result r = cli().run("export", "--user", "a", "--user", "b", "--user", "c", "-o", "ndjson");
        assertEquals(0, r.code(), r.toString());
        assertEquals(2, server.requests("POST").size(), r.toString());
        JsonNode again = JSON.readTree(server.requests("POST").get(1).body()).get("requests");
        assertEquals(1, again.size(), "only the throttled item is sent again");
        assertEquals("/users/b/profile/positions", again.get(0).get("url").asText());
        assertEquals(List.of("a", "b", "c"), r.out().lines().map(l -> {
            try {
                return JSON.readTree(l).get("userId").asText();
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList());
    }
}
