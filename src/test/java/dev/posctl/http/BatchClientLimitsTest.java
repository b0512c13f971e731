package dev.posctl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.core.PosctlException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bulk path is bounded like single requests, and never repeats a POST that may have been done. */
class BatchClientLimitsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    HostileServer server;
    GraphClient client;
    BatchClient batch;

    @BeforeEach
    void start() throws Exception {
        server = new HostileServer();
        URI base = URI.create(server.base());
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(700), 2, Duration.ofSeconds(20),
            Duration.ofMillis(10), 1 << 20);
        client = new GraphClient(base, "tok", "posctl/test", settings, null, Clock.systemUTC());
        batch = new BatchClient(client, new GraphPaths(base, PathStyle.graph), settings, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    List<BatchClient.Item> patches() throws Exception {
        return List.of(new BatchClient.Item("PATCH", GraphPaths.relativePosition("a", "1"), JSON.readTree("{\"isCurrent\":true}")));
    }

    @Test
    void aHugeOrEndlessBatchAnswerFailsCleanly() throws Exception {
        server.then(HostileServer.hugeChunked(200, 5L << 20));
        PosctlException e = assertThrows(PosctlException.class, () -> batch.execute(patches()));
        assertEquals(4, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains("larger than the limit of 1 MiB"), e.getMessage());

        server.fallback(r -> HostileServer.drip(200, "{\"responses\":[{\"id\":\"0\",\"status\":200,\"body\":{}}]}", 300));
        long started = System.nanoTime();
        e = assertThrows(PosctlException.class, () -> batch.execute(patches()));
        assertEquals(6, e.exitCode(), e.getMessage());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(System.nanoTime() - started < 5_000_000_000L);
    }

    @Test
    void aPostItemIsNotSentAgainAfter503ButAPatchIs() throws Exception {
        server.then(HostileServer.json(200, "{\"responses\":[{\"id\":\"0\",\"status\":503,\"body\":{}},"
            + "{\"id\":\"1\",\"status\":503,\"headers\":{\"Retry-After\":\"0\"},\"body\":{}}]}"));
        server.then(HostileServer.json(200, "{\"responses\":[{\"id\":\"1\",\"status\":200,\"body\":{\"id\":\"1\"}}]}"));
        List<GraphResponse> answers = batch.execute(List.of(
            new BatchClient.Item("POST", GraphPaths.relativePositions("a"), JSON.readTree("{\"isCurrent\":true}")),
            patches().get(0)));
        assertEquals(503, answers.get(0).status());
        assertEquals(200, answers.get(1).status());
        assertEquals(2, server.requests().size());
        assertTrue(!server.requests().get(1).bodyText().contains("\"POST\""), server.requests().get(1).bodyText());
    }

    @Test
    void aBatchHoldingAPostIsNotResentAfterAGatewayTimeout() throws Exception {
        server.fallback(r -> HostileServer.json(504, "{}"));
        List<GraphResponse> answers = batch.execute(List.of(
            new BatchClient.Item("POST", GraphPaths.relativePositions("a"), JSON.readTree("{\"isCurrent\":true}"))));
        assertEquals(504, answers.get(0).status());
        assertEquals(1, server.requests().size());
    }
}
