package dev.posctl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HttpWarmupTest {
    /** Threads the warm-up may start: its own, its client's selector and pool, the body watchdog. */
    static List<String> warmupThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
            .filter(n -> n.startsWith("posctl-http") || n.startsWith("HttpClient-")).sorted().collect(Collectors.toList());
    }

    /** A thread left in native code (a selector, an accept) would hold JDK 17's exit for 300 ms. */
    static void assertNoThreadsLeft(List<String> before) throws InterruptedException {
        List<String> left = warmupThreads();
        for (int i = 0; i < 50 && !before.containsAll(left); i++) {
            Thread.sleep(20);   // a pool thread may still be on its way out after its last task
            left = warmupThreads();
        }
        left.removeAll(before);
        assertEquals(List.of(), left);
    }

    @Test
    void sendsOneRequestOnLoopbackAndLeavesNoThreadBehind() throws Exception {
        List<String> before = warmupThreads();
        HttpWarmup warmup = HttpWarmup.start(true);
        assertTrue(warmup.ended(10_000), "the warm-up ends by itself");
        assertTrue(warmup.exchanged(), "the warm-up's PATCH got its answer");
        warmup.stop();
        assertNoThreadsLeft(before);
    }

    @Test
    void runsOnlyWhereItPays() {
        assertTrue(HttpWarmup.pays("0.70 1.20 1.50 2/345 6789\n", 2));
        assertTrue(HttpWarmup.pays("6.00 1.20 1.50 2/345 6789\n", 2));
        assertFalse(HttpWarmup.pays("6.01 1.20 1.50 2/345 6789\n", 2), "a busy machine");
        assertFalse(HttpWarmup.pays("21.19 17.53 11.52 9/345 6789\n", 4));
        assertFalse(HttpWarmup.pays("0.00 0.00 0.00 1/345 6789\n", 1), "one core: nothing in parallel");
        assertTrue(HttpWarmup.pays(null, 4), "no /proc/loadavg (macOS): most machines have a core to spare");
        assertTrue(HttpWarmup.pays("garbage", 4));
    }

    @Test
    void stopEndsAWarmupStillRunning() throws Exception {
        List<String> before = warmupThreads();
        HttpWarmup warmup = HttpWarmup.start(true);
        warmup.stop();
        assertTrue(warmup.ended(2_000), "stopped, the warm-up ends at once, whatever it was waiting for");
        assertNoThreadsLeft(before);
    }
}
