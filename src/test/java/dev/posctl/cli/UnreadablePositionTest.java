package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.http.RecordingServer.Answer;
import dev.posctl.http.RecordingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A merge read that answers 2xx with something that is not a position must fail that edit and
 * write nothing: sent as written, a partial {@code detail} would replace the whole one in Graph.
 */
class UnreadablePositionTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CURRENT = UpdateAgainstRecordingServerTest.CURRENT;
    static final String CANNOT_MERGE = "cannot merge: the current position could not be read: ";

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

    static void noClassNames(Cli.Result r) {
        assertFalse(r.err().contains("Exception") || r.err().contains("java.") || r.err().contains("internal error"), r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "empty          | ``                                     | the answer is empty or not JSON",
        "html           | <html><body>Sign in</body></html>      | the answer is empty or not JSON",
        "truncated      | {\"id\":\"p1\",\"detail\":{\"jobTitle\" | the answer is empty or not JSON",
        "null           | null                                   | the answer is null, not a JSON object",
        "array          | [{\"id\":\"p1\"}]                      | the answer is an array, not a JSON object",
        "string         | \"p1\"                                 | the answer is a string, not a JSON object",
        "empty object   | {}                                     | the answer is an object without an id, not a position",
        "error object   | {\"error\":{\"code\":\"x\"}}           | the answer is an object without an id, not a position",
        "detail string  | {\"id\":\"p1\",\"detail\":\"PM\"}      | detail is a string, not an object",
        "company array  | {\"id\":\"p1\",\"detail\":{\"company\":[1]}} | detail.company is an array, not an object",
    })
    void aSingleEditIsNotSentWhenTheReadIsNoPosition(String name, String body, String problem) {
        server.fallback(r -> r.method().equals("GET") ? Answer.json(200, body) : Answer.json(200, CURRENT));
        Cli.Result r = cli().run("update", "--user", "u", "--id", "p1", "--job-title", "X", "--department", "D", "-o", "json");
        assertEquals(4, r.code(), r::toString);
        assertEquals(0, server.requests("PATCH").size(), "nothing written: " + r);
        assertTrue(r.err().contains(CANNOT_MERGE + problem), r::toString);
        assertTrue(r.err().contains("0 updated, 0 unchanged, 1 failed"), r::toString);
        noClassNames(r);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "no body        | -                  | the answer is empty or not JSON",
        "null           | null               | the answer is empty or not JSON",
        "html string    | \"<html></html>\"  | the answer is a string, not a JSON object",
        "array          | []                 | the answer is an array, not a JSON object",
        "number         | 42                 | the answer is a number, not a JSON object",
    })
    void inABatchOnlyTheEditWithTheBadReadFails(String name, String badItemBody, String problem) throws Exception {
        Files.writeString(dir.resolve("e.ndjson"), "{\"userId\":\"bad\",\"id\":\"p1\",\"detail\":{\"jobTitle\":\"X\"}}\n"
            + "{\"userId\":\"good\",\"id\":\"p1\",\"detail\":{\"jobTitle\":\"Y\"}}\n");
        server.fallback(r -> batchAnswer(r.body(), badItemBody));
        Cli.Result r = cli().run("update", "-f", "e.ndjson", "--concurrency", "1", "-o", "ndjson");
        assertEquals(4, r.code(), r::toString);
        assertEquals(2, server.requests("POST").size(), "one $batch to read, one to write: " + r);
        JsonNode writes = JSON.readTree(server.requests("POST").get(1).body()).get("requests");
        assertEquals(1, writes.size(), "only the good edit is written: " + writes);
        assertEquals("PATCH", writes.get(0).get("method").asText());
        assertEquals("/users/good/profile/positions/p1", writes.get(0).get("url").asText());
        assertEquals("Contoso", writes.get(0).at("/body/detail/company/displayName").asText(), "the good edit is merged");
        assertTrue(r.err().contains("e.ndjson:1:1: bad p1: " + CANNOT_MERGE + problem), r::toString);
        assertTrue(r.err().contains("1 updated, 0 unchanged, 1 failed"), r::toString);
        String[] lines = r.out().trim().split("\n");
        assertEquals("failed", JSON.readTree(lines[0]).get("status").asText());
        assertEquals("updated", JSON.readTree(lines[1]).get("status").asText());
        noClassNames(r);
    }

    /** GETs: the item for user "bad" answers 200 with {@code badItemBody} ("-": no body at all), the rest CURRENT; PATCHes 200. */
    private static Answer batchAnswer(String requestBody, String badItemBody) {
        try {
            ObjectNode out = JSON.createObjectNode();
            var responses = out.putArray("responses");
            for (JsonNode item : JSON.readTree(requestBody).path("requests")) {
                ObjectNode one = responses.addObject();
                one.put("id", item.path("id").asText());
                one.put("status", 200);
                one.putObject("headers").put("Content-Type", "application/json");
                boolean bad = item.path("method").asText().equals("GET") && item.path("url").asText().contains("/users/bad/");
                if (!bad) {
                    one.set("body", JSON.readTree(CURRENT));
                } else if (!badItemBody.equals("-")) {
                    one.set("body", JSON.readTree(badItemBody));
                }
            }
            return Answer.json(200, out.toString());
        } catch (Exception e) {
            return Answer.json(500, "{}");
        }
    }

    @Test
    void getRefusesAnAnswerThatIsNoPosition() {
        server.then(Answer.json(200, "[1,2]")).then(Answer.json(200, "")).then(Answer.json(200, "<html>"));
        Cli.Result array = cli().run("get", "--user", "u", "--id", "p1", "-o", "json");
        assertEquals(4, array.code(), array::toString);
        assertTrue(array.err().contains("get position p1 of u: the answer is an array, not a JSON object"), array::toString);
        assertEquals("", array.out());
        noClassNames(array);
        for (String format : new String[] {"table", "yaml"}) {
            Cli.Result empty = cli().run("get", "--user", "u", "--id", "p1", "-o", format);
            assertEquals(4, empty.code(), empty::toString);
            assertTrue(empty.err().contains("get position p1 of u: the answer is empty or not JSON"), empty::toString);
            noClassNames(empty);
        }
    }

    @Test
    void currentRefusesAListWhoseItemsAreNoPositions() {
        server.then(Answer.json(200, "{\"value\":[\"p1\",{\"id\":\"p2\",\"isCurrent\":true}]}"));
        Cli.Result strings = cli().run("update", "--current", "--user", "u", "--job-title", "X");
        assertEquals(4, strings.code(), strings::toString);
        assertTrue(strings.err().contains("cannot find the current position of u: item 1 of the list answer is a string, not a JSON object"),
            strings::toString);
        server.then(Answer.json(200, "{\"value\":[{\"isCurrent\":true,\"detail\":{\"jobTitle\":\"PM\"}}]}"));
        Cli.Result noId = cli().run("update", "--current", "--user", "u", "--job-title", "X");
        assertEquals(4, noId.code(), noId::toString);
        assertTrue(noId.err().contains("cannot find the current position of u: the list answer gives it no id"), noId::toString);
        server.then(Answer.json(200, "{\"value\":[{\"id\":\"p1\",\"isCurrent\":true,\"detail\":\"PM at Contoso\"}]}"));
        Cli.Result detail = cli().run("update", "--current", "--user", "u", "--job-title", "X");
        assertEquals(4, detail.code(), detail::toString);
        assertTrue(detail.err().contains(CANNOT_MERGE + "detail is a string, not an object"), detail::toString);
        assertEquals(0, server.requests("PATCH").size());
        noClassNames(strings);
        noClassNames(noId);
        noClassNames(detail);
    }

    @Test
    void aWriteThatWasMadeIsReportedAsMadeWhenTheReadBackIsNoPosition() throws Exception {
        server.then(Answer.json(200, CURRENT)).then(Answer.json(204, null)).then(Answer.json(200, "[1]"));
        Cli.Result r = cli().run("update", "--show-result", "--user", "u", "--id", "p1", "--job-title", "X", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(1, server.requests("PATCH").size());
        JsonNode res = JSON.readTree(r.out()).get(0);
        assertEquals("updated", res.get("status").asText());
        assertEquals("X", res.at("/position/detail/jobTitle").asText(), "the merged state, as without --show-result");
        assertEquals("Contoso", res.at("/position/detail/company/displayName").asText());
    }

    @Test
    void aNumberJsonCannotCarryIsNeitherSentBackNorABug() throws Exception {
        server.fallback(r -> r.method().equals("GET")
            ? Answer.json(200, "{\"id\":\"p1\",\"inference\":{\"confidenceScore\":1e400,\"userHasVerifiedAccuracy\":false}}")
            : Answer.json(204, null));
        Cli.Result kept = cli().run("update", "--user", "u", "--id", "p1", "--set", "inference.userHasVerifiedAccuracy=true");
        assertEquals(4, kept.code(), kept::toString);
        assertTrue(kept.err().contains(CANNOT_MERGE + "inference.confidenceScore is not a finite number"), kept::toString);
        assertEquals(0, server.requests("PATCH").size());
        noClassNames(kept);
        Cli.Result replaced = cli().run("update", "--user", "u", "--id", "p1", "--set", "inference.confidenceScore=0.5");
        assertEquals(0, replaced.code(), replaced::toString);
        assertEquals(JSON.readTree("{\"inference\":{\"confidenceScore\":0.5,\"userHasVerifiedAccuracy\":false}}"),
            JSON.readTree(server.requests("PATCH").get(0).body()));
    }
}
