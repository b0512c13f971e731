package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A failed edit's JSON result names the HTTP status the server answered, whichever call failed. */
class FailureStatusTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CURRENT = "{\"id\":\"p1\",\"isCurrent\":true,\"detail\":{\"jobTitle\":\"PM\"}}";

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

    static Answer error(int status, String code) {
        return Answer.json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"no\"}}").withHeader("Retry-After", "0");
    }

    JsonNode result(int exit, String... args) throws Exception {
        Cli.Result r = cli().run(args);
        assertEquals(exit, r.code(), r::toString);
        return JSON.readTree(r.out()).get(0);
    }

    @Test
    void unauthorizedReadOrWriteReportsFourOhOne() throws Exception {
        server.fallback(r -> error(401, "InvalidAuthenticationToken"));
        assertEquals(401, result(5, "update", "--user", "u", "--id", "p1", "--job-title", "X", "-o", "json").path("httpStatus").asInt());
        server.fallback(r -> r.method().equals("GET") ? Answer.json(200, CURRENT) : error(401, "InvalidAuthenticationToken"));
        assertEquals(401, result(5, "update", "--user", "u", "--id", "p1", "--job-title", "X", "-o", "json").path("httpStatus").asInt());
    }

    @Test
    void unauthorizedListForCurrentReportsFourOhOne() throws Exception {
        server.fallback(r -> error(401, "InvalidAuthenticationToken"));
        JsonNode res = result(5, "update", "--user", "u", "--current", "--job-title", "X", "-o", "json");
        assertEquals(401, res.path("httpStatus").asInt(), res::toString);
    }

    @Test
    void forbiddenThrottledAndServerErrorsReportTheirStatus() throws Exception {
        server.fallback(r -> r.method().equals("GET") ? Answer.json(200, CURRENT) : error(403, "Authorization_RequestDenied"));
        assertEquals(403, result(5, "update", "--user", "u", "--id", "p1", "--job-title", "X", "-o", "json").path("httpStatus").asInt());
        server.fallback(r -> r.method().equals("GET") ? Answer.json(200, CURRENT) : error(429, "TooManyRequests"));
        assertEquals(429, result(6, "update", "--max-retries", "1", "--user", "u", "--id", "p1", "--job-title", "X", "-o", "json")
            .path("httpStatus").asInt());
        server.fallback(r -> r.method().equals("GET") ? Answer.json(200, CURRENT) : error(500, "InternalServerError"));
        assertEquals(500, result(4, "update", "--max-retries", "1", "--user", "u", "--id", "p1", "--job-title", "X", "-o", "json")
            .path("httpStatus").asInt());
    }

    @Test
    void bulkUnauthorizedReportsFourOhOneForEveryEdit() throws Exception {
        server.fallback(r -> error(401, "InvalidAuthenticationToken"));
        Files.writeString(dir.resolve("e.ndjson"), "{\"userId\":\"u\",\"id\":\"1\",\"detail\":{\"jobTitle\":\"A\"}}\n"
            + "{\"userId\":\"u\",\"id\":\"2\",\"detail\":{\"jobTitle\":\"B\"}}\n");
        Cli.Result r = cli().run("update", "-f", "e.ndjson", "-o", "json");
        assertEquals(5, r.code(), r::toString);
        for (JsonNode res : JSON.readTree(r.out())) {
            assertEquals(401, res.path("httpStatus").asInt(), r::toString);
        }
    }
}
