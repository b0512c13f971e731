package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.http.HostileServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A POST that may have been done is not done again: the outcome is reported as unknown instead. */
class CreateNotRepeatedTest {
    static final String CREATED = "{\"id\":\"new1\",\"detail\":{\"jobTitle\":\"Intern\"}}";

    @TempDir
    Path dir;
    HostileServer graph;

    @BeforeEach
    void start() throws Exception {
        graph = new HostileServer();
        graph.fallback(r -> HostileServer.json(201, CREATED));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    Cli.Result create(String... extra) {
        String[] args = new String[11 + extra.length];
        System.arraycopy(new String[] {"create", "--user", "u@x.com", "--job-title", "Intern", "--company", "Contoso",
            "--start", "2026-09", "-o", "json"}, 0, args, 0, 11);
        System.arraycopy(extra, 0, args, 11, extra.length);
        return new Cli(dir).env("POSCTL_TOKEN", "secret.token.value").env("POSCTL_ENDPOINT", graph.base()).run(args);
    }

    @Test
    void aGatewayTimeoutAfterCreatingIsNotRetried() {
        for (int status : new int[] {504, 503, 500}) {
            int before = graph.requests("POST").size();
            // the server creates the position, then its gateway gives up
            graph.then(HostileServer.bytes(status, "application/json", "{\"error\":{\"code\":\"GatewayTimeout\",\"message\":\"late\"}}"
                .getBytes(), Map.of("Retry-After", "0")));
            Cli.Result r = create();
            assertEquals(4, r.code(), r::toString);
            assertEquals(before + 1, graph.requests("POST").size(), "exactly one POST for " + status);
            assertTrue(r.err().contains("create for u@x.com: the server answered " + status)
                && r.err().contains("the outcome is unknown: the position may or may not have been created: check with posctl list --user u@x.com"),
                r::toString);
        }
    }

    @Test
    void aTimeoutAfterSendingIsNotRetried() {
        graph.then(HostileServer.stall(201));
        Cli.Result r = create("--timeout", "0.5");
        assertEquals(4, r.code(), r::toString);
        assertEquals(1, graph.requests("POST").size());
        assertTrue(r.err().contains("after the request was sent") && r.err().contains("may or may not have been created"), r.err());
    }

    @Test
    void throttlingWithRetryAfterIsRetried() {
        graph.then(HostileServer.bytes(429, "application/json", "{}".getBytes(), Map.of("Retry-After", "0")));
        Cli.Result r = create();
        assertEquals(0, r.code(), r::toString);
        assertEquals(2, graph.requests("POST").size());
        assertTrue(r.out().contains("new1"), r.out());
    }
}
