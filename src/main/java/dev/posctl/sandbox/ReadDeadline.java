package dev.posctl.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The executor of the sandbox's HTTP server, with a deadline for reading each request. The JDK
 * server reads a request line, headers and body on the executor's thread, blocking, with no time
 * limit of its own: a few dozen clients that send half a request line would hold every thread and
 * the sandbox would answer no one. A thread still reading when the deadline passes is interrupted;
 * its socket channel then closes, which ends that exchange and frees the thread.
 *
 * <p>The interrupt is given only while the thread is reading (under the same lock that ends the
 * reading), so it never lands in a handler writing the data file, whose channel it would close.
 */
final class ReadDeadline implements Executor, AutoCloseable {
    private static final class Reading {
        final Thread thread = Thread.currentThread();
        final long startNanos = System.nanoTime();
        boolean open = true;
        boolean expired;
    }

    private final ExecutorService pool;
    private final ScheduledExecutorService sweeper;
    private final long limitNanos;
    private final Map<Thread, Reading> reading = new ConcurrentHashMap<>();

    ReadDeadline(ExecutorService pool, Duration limit) {
        this.pool = pool;
        this.limitNanos = limit.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "posctl-sandbox-deadline");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(10, Math.min(1000, limit.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable exchange) {
        pool.execute(() -> {
            Reading r = new Reading();
            reading.put(r.thread, r);
            try {
                exchange.run();
            } finally {
                end(r);
                // an interrupt given while reading must not reach the next exchange on this thread
                Thread.interrupted();
            }
        });
    }

    /**
     * Says the calling exchange has read its whole request; the deadline no longer applies to it.
     *
     * @return false when the deadline passed first: the connection is closed, nothing may be answered
     */
    boolean requestRead() {
        Reading r = reading.get(Thread.currentThread());
        if (r == null) {
            return true;
        }
        boolean inTime = end(r);
        if (!inTime) {
            Thread.interrupted();
        }
        return inTime;
    }

    private boolean end(Reading r) {
        synchronized (r) {
            r.open = false;
            reading.remove(r.thread, r);
            return !r.expired;
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Reading r : reading.values()) {
            if (now - r.startNanos > limitNanos) {
                synchronized (r) {
                    if (r.open && !r.expired) {
                        r.expired = true;
                        r.thread.interrupt();
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        pool.shutdownNow();
    }
}
