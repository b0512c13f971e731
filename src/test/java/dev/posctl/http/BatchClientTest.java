package dev.posctl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.http.RecordingServer.Answer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** $batch on the wire: relative URLs, unique ids, and throttled items retried on their own. */
class BatchClientTest {
    static final ObjectMapper JSON = new ObjectMapper();
    RecordingServer server;
    BatchClient batch;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer();
        URI base = URI.create(server.base());
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofSeconds(20), Duration.ofMillis(10));
        GraphClient client = new GraphClient(base, "tok", "posctl/test", settings, null, Clock.systemUTC());
        batch = new BatchClient(client, new GraphPaths(base, PathStyle.graph), settings, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    List<BatchClient.Item> items() throws Exception {
        return List.of(new BatchClient.Item("GET", GraphPaths.relativePosition("a@x", "1"), null),
            new BatchClient.Item("PATCH", GraphPaths.relativePosition("b c", "2"), JSON.readTree("{\"isCurrent\":true}")),
            new BatchClient.Item("GET", GraphPaths.relativePosition("d", "3/4"), null));
    }

    @Test
    void throttledItemsAloneAreSentAgainAfterTheirRetryAfter() throws Exception {
        server.then(Answer.json(200, "{\"responses\":["
                + "{\"id\":\"0\",\"status\":200,\"headers\":{},\"body\":{\"id\":\"1\"}},"
                + "{\"id\":\"1\",\"status\":429,\"headers\":{\"Retry-After\":\"0.25\"},\"body\":{\"error\":{\"code\":\"TooManyRequests\"}}},"
                + "{\"id\":\"2\",\"status\":404,\"headers\":{\"request-id\":\"r-404\"},\"body\":{\"error\":{\"code\":\"itemNotFound\",\"message\":\"gone\"}}}]}"))
            .then(Answer.json(200, "{\"responses\":[{\"id\":\"1\",\"status\":200,\"headers\":{},\"body\":{\"id\":\"2\",\"isCurrent\":true}}]}"));
        long start = System.nanoTime();
        List<GraphResponse> out = batch.execute(items());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(200, 200, 404), out.stream().map(GraphResponse::status).toList());
        assertEquals("r-404", out.get(2).requestId());
        assertEquals("PATCH", out.get(1).method());
        assertTrue(ms >= 250, "waited the item's Retry-After: " + ms);

        List<RecordingServer.Recorded> sent = server.requests();
        assertEquals(2, sent.size());
        assertEquals("/beta/$batch", sent.get(0).rawPath());
        assertEquals("Bearer tok", sent.get(0).header("Authorization"));
        JsonNode first = JSON.readTree(sent.get(0).body()).get("requests");
        assertEquals(3, first.size());
        assertEquals("/users/a%40x/profile/positions/1", first.get(0).get("url").asText());
        assertEquals("/users/b%20c/profile/positions/2", first.get(1).get("url").asText());
        assertEquals("/users/d/profile/positions/3%2F4", first.get(2).get("url").asText());
        assertEquals("application/json", first.get(1).at("/headers/Content-Type").asText());
        assertTrue(first.get(0).at("/headers/Content-Type").isMissingNode(), "no body, no Content-Type");
        JsonNode second = JSON.readTree(sent.get(1).body()).get("requests");
        assertEquals(1, second.size());
        assertEquals("1", second.get(0).get("id").asText());
    }

    @Test
    void aFailedBatchFailsEveryItemAndMissingAnswersAreErrors() throws Exception {
        server.then(Answer.json(400, "{\"error\":{\"code\":\"BadRequest\",\"message\":\"bad batch\"}}"));
        List<GraphResponse> failed = batch.execute(items());
        assertTrue(failed.stream().allMatch(r -> r.status() == 400));
        server.then(Answer.json(200, "{\"responses\":[{\"id\":\"0\",\"status\":204,\"headers\":{}}]}"));
        List<GraphResponse> partial = batch.execute(items());
        assertEquals(204, partial.get(0).status());
        assertEquals(502, partial.get(1).status());
        assertEquals("badBatchResponse", GraphError.of(partial.get(2)).code());
    }

    @Test
    void itemsStillThrottledAfterTheLastRetryKeepTheirStatus() throws Exception {
        server.fallback(r -> Answer.json(200, "{\"responses\":[{\"id\":\"0\",\"status\":503,\"headers\":{\"Retry-After\":\"0\"}}]}"));
        List<GraphResponse> out = batch.execute(items().subList(0, 1));
        assertEquals(503, out.get(0).status());
        assertEquals(4, server.requests().size(), "first try and 3 retries");
    }
}
