package dev.posctl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.api.PositionService;
import dev.posctl.http.BatchClient;
import dev.posctl.http.GraphClient;
import dev.posctl.http.GraphPaths;
import dev.posctl.http.HttpSettings;
import dev.posctl.http.PathStyle;
import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import dev.posctl.validate.Location;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests, not chunks, are what the engine's concurrency counts: against a real sandbox on 127.0.0.1. */
class EnginePipelineTest {
    SandboxServer server;
    GraphClient client;
    PositionService service;
    BatchClient batch;
    /** The size of every $batch sent, in order. */
    final List<Integer> batches = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.inMemory());
        client = new GraphClient(server.baseUri(), "t", "posctl/test", HttpSettings.defaults(), null, Clock.systemUTC());
        GraphPaths paths = new GraphPaths(server.baseUri(), PathStyle.graph);
        service = new PositionService(client, paths);
        batch = new BatchClient(client, paths, HttpSettings.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    Engine engine(int concurrency, int batchSize, Engine.Listener listener) {
        Transport batched = Transport.batched(batch);
        Transport counted = items -> {
            batches.add(items.size());
            return batched.execute(items);
        };
        return new Engine(new Sequence(service, new Sequence.Options(false, false, false, false), null), counted,
            Transport.single(client, service.paths()), new Engine.Options(concurrency, batchSize, false), listener);
    }

    static Operation delete(int i) {
        return Operation.delete("user" + i + "@contoso.com", "pos-" + i, new Location("deletes.ndjson", i + 1, 1, 0));
    }

    @Test
    void aChunkThatReportsSlowlyHoldsNoRequestSlot() throws Exception {
        // the first two chunks' output is stuck (a slow terminal) until a later chunk has its outcomes:
        // with a slot held per chunk from read to report, no later chunk could start
        CountDownLatch later = new CountDownLatch(1);
        Map<Integer, Boolean> waited = new ConcurrentHashMap<>();
        Engine engine = engine(2, 5, new Engine.Listener() {
            @Override
            public void result(Operation op, Outcome r) {
                int line = op.location().line();
                if (line > 10) {
                    later.countDown();
                } else if (!waited.containsKey(line)) {
                    try {
                        waited.put(line, later.await(5, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        for (int i = 0; i < 30; i++) {
            engine.submit(delete(i));
        }
        engine.finish();
        assertEquals(10, waited.size());
        assertTrue(waited.values().stream().allMatch(b -> b), "later chunks went out while the first two reported: " + waited);
    }

    @Test
    void theLastChunkIsSharedByTheSlotsThatWouldIdle() throws Exception {
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        Engine engine = engine(4, 20, (Engine.Listener) (op, r) -> outcomes.add(r));
        for (int i = 0; i < 20; i++) {
            engine.submit(delete(i));
        }
        engine.finish();
        assertEquals(20, outcomes.size());
        assertEquals(20, batches.stream().mapToInt(Integer::intValue).sum(), batches::toString);
        assertTrue(batches.size() > 1 && batches.stream().allMatch(n -> n >= 2), "one chunk, over idle slots, in batches: " + batches);
    }
}
