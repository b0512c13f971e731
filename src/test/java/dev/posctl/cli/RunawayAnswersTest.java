package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.http.HostileServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers that never end, or end too late or too large, fail the request cleanly and quickly. */
class RunawayAnswersTest {
    @TempDir
    Path dir;
    HostileServer graph;

    @BeforeEach
    void start() throws Exception {
        graph = new HostileServer();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    Cli.Result get(String... extra) {
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"get", "--user", "u", "--id", "p1"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        return new Cli(dir).env("POSCTL_TOKEN", "secret.token.value").env("POSCTL_ENDPOINT", graph.base()).run(args);
    }

    @Test
    void aBodyOverTheLimitIsNotReadFurther() {
        graph.fallback(r -> HostileServer.huge(200, 10L << 20));
        Cli.Result r = get("--max-response-size", "1M");
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.err().contains("larger than the limit of 1 MiB (--max-response-size)"), r.err());
        assertEquals(1, graph.requests().size(), "too large is not retried");

        graph.fallback(r2 -> HostileServer.hugeChunked(200, 10L << 20));
        r = new Cli(dir).env("POSCTL_TOKEN", "secret.token.value").env("POSCTL_ENDPOINT", graph.base())
            .env("POSCTL_MAX_RESPONSE_SIZE", "512K").run("get", "--user", "u", "--id", "p1");
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.err().contains("larger than the limit of 512 KiB"), r.err());
    }

    @Test
    void anEndlessChunkedBodyStopsAtTheDefaultLimit() {
        graph.fallback(r -> HostileServer.endlessChunked(200));
        long started = System.nanoTime();
        Cli.Result r = get();
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.err().contains("larger than the limit of 64 MiB"), r.err());
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "took " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    @Test
    void timeoutCoversTheWholeBody() {
        graph.fallback(r -> HostileServer.drip(200, "{\"id\":\"p1\",\"detail\":{\"jobTitle\":\"a long and slow title\"}}", 500));
        long started = System.nanoTime();
        Cli.Result r = get("--timeout", "1", "--max-retries", "0");
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals(6, r.code(), r::toString);
        assertTrue(r.err().contains("no complete answer within 1 s (--timeout)"), r.err());
        assertTrue(ms < 3000, "took " + ms + " ms");

        graph.fallback(r2 -> HostileServer.stall(200));
        started = System.nanoTime();
        r = get("--timeout", "0.5", "--max-retries", "1", "--retry-budget", "5");
        ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals(6, r.code(), r::toString);
        assertTrue(r.err().contains("(after 2 attempts)"), r.err());
        assertTrue(ms < 4000, "took " + ms + " ms");
    }

    @Test
    void aBadSizeIsAUsageOrConfigError() {
        for (String bad : new String[] {"0", "-1", "64X", "1.5M", "3G", "", "NaN"}) {
            Cli.Result r = get("--max-response-size", bad);
            assertEquals(2, r.code(), () -> bad + "\n" + r);
            assertTrue(r.err().contains("--max-response-size"), r.err());
        }
        Cli.Result r = new Cli(dir).env("POSCTL_TOKEN", "t").env("POSCTL_ENDPOINT", graph.base()).env("POSCTL_MAX_RESPONSE_SIZE", "lots")
            .run("get", "--user", "u", "--id", "p1");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("POSCTL_MAX_RESPONSE_SIZE"), r.err());
        assertEquals(0, graph.requests().size());
    }
}
