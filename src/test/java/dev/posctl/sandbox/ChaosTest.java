package dev.posctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosTest {
    @Test
    void parsesSharesDurationsAndRanges() {
        Chaos c = Chaos.parse("throttle=0.2, error=5%,reset=0.02,latency=50ms,retryAfter=0.2", 1);
        assertEquals(0.2, c.throttle(), 1e-9);
        assertEquals(0.05, c.error(), 1e-9);
        assertEquals(0.02, c.reset(), 1e-9);
        assertEquals(50, c.latencyMinMillis());
        assertEquals(50, c.latencyMaxMillis());
        assertEquals("0.2", c.retryAfterHeader());
        assertEquals("1", Chaos.parse("throttle=1", 1).retryAfterHeader());
        Chaos range = Chaos.parse("latency=20ms..80ms", 1);
        assertEquals(20, range.latencyMinMillis());
        assertEquals(80, range.latencyMaxMillis());
        for (int i = 0; i < 100; i++) {
            long l = range.latencyMillis();
            assertTrue(l >= 20 && l <= 80, "latency " + l);
        }
        assertEquals(1000, Chaos.parse("latency=1s", 1).latencyMinMillis());
        assertTrue(Chaos.parse("", 1).isNone());
        assertTrue(Chaos.parse("none", 1).isNone());
        assertTrue(Chaos.none().isNone());
    }

    @Test
    void badSpecsNameTheBadPart() {
        for (String bad : new String[] {"throttle=2", "throttle", "jitter=0.1", "error=lots", "latency=fast",
            "latency=80ms..20ms", "throttle=0.6,error=0.6", "retryAfter=-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Chaos.parse(bad, 1), bad);
            String first = bad.split(",")[0].split("=")[0];
            assertTrue(e.getMessage().contains(first), bad + " -> " + e.getMessage());
        }
    }

    @Test
    void sameSeedSameFaults() {
        Chaos a = Chaos.parse("throttle=0.3,error=0.2,reset=0.1", 42);
        Chaos b = Chaos.parse("throttle=0.3,error=0.2,reset=0.1", 42);
        List<Chaos.Fault> fa = new ArrayList<>();
        List<Chaos.Fault> fb = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            fa.add(a.request());
            fb.add(b.request());
        }
        assertEquals(fa, fb);
    }

    @Test
    void sharesOverHttpAreWithinTolerance() throws Exception {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.builder()
            .chaos(Chaos.parse("throttle=0.2,error=0.1,retryAfter=0.5", 7)).build())) {
            Http http = new Http(s);
            int n = 400;
            int throttled = 0;
            int failed = 0;
            for (int i = 0; i < n; i++) {
                Http.Reply r = http.get("/me/profile/positions");
                if (r.status() == 429) {
                    throttled++;
                    assertEquals("0.5", r.header("Retry-After"));
                    assertEquals("TooManyRequests", r.errorCode());
                } else if (r.status() == 503) {
                    failed++;
                    assertEquals("ServiceUnavailable", r.errorCode());
                } else {
                    assertEquals(200, r.status());
                }
            }
            assertEquals(0.2, throttled / (double) n, 0.06, "throttled share");
            assertEquals(0.1, failed / (double) n, 0.05, "error share");
        }
    }

    @Test
    void batchItemsAreThrottledOneByOne() throws Exception {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.builder()
            .chaos(Chaos.parse("throttle=0.5", 3)).build())) {
            ObjectNode batch = Http.JSON.createObjectNode();
            ArrayNode rq = batch.putArray("requests");
            for (int i = 0; i < 20; i++) {
                rq.addObject().put("id", "i" + i).put("method", "GET").put("url", "/me/profile/positions");
            }
            int throttled = 0;
            for (int round = 0; round < 5; round++) {
                Http.Reply r = new Http(s).send("POST", "/$batch", batch.toString());
                assertEquals(200, r.status(), "the envelope is never throttled");
                for (JsonNode item : r.json().get("responses")) {
                    if (item.get("status").asInt() == 429) {
                        throttled++;
                        assertEquals("1", item.at("/headers/Retry-After").asText());
                    } else {
                        assertEquals(200, item.get("status").asInt());
                    }
                }
            }
            assertEquals(50, throttled, 18);
        }
    }

    @Test
    void resetDropsTheConnection() throws Exception {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.builder().chaos(Chaos.parse("reset=1", 1)).build())) {
            assertThrows(IOException.class, () -> new Http(s).get("/me/profile/positions"));
            assertThrows(IOException.class, () -> new Http(s).send("POST", "/$batch", "{\"requests\":[]}"));
        }
    }

    @Test
    void latencyDelaysEachRequest() throws Exception {
        try (SandboxServer s = SandboxServer.start(SandboxOptions.builder().chaos(Chaos.parse("latency=60ms", 1)).build())) {
            Http http = new Http(s);
            http.get("/me/profile/positions");
            long t = System.nanoTime();
            http.get("/me/profile/positions");
            assertTrue((System.nanoTime() - t) / 1_000_000 >= 55);
        }
    }
}
