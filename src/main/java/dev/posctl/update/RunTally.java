package dev.posctl.update;

import java.util.concurrent.atomic.AtomicLongArray;

/** Counts of a run by status, and its pace; read by the progress line while workers add to it. */
public final class RunTally {
    private final AtomicLongArray counts = new AtomicLongArray(UpdateResult.Status.values().length);
    private final long startNanos = System.nanoTime();
    private volatile long total;

    public void total(long total) {
        this.total = total;
    }

    public long total() {
        return total;
    }

    public void add(UpdateResult.Status s) {
        counts.incrementAndGet(s.ordinal());
    }

    public long count(UpdateResult.Status s) {
        return counts.get(s.ordinal());
    }

    public long done() {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) {
            n += counts.get(i);
        }
        return n;
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Edits per second, counting only those that were sent or checked (not skipped). */
    public double rate() {
        double s = seconds();
        return s <= 0 ? 0 : (done() - count(UpdateResult.Status.skipped)) / s;
    }

    public String summary() {
        return String.format("%d updated, %d unchanged, %d failed, %d skipped%s in %.1f s (%.0f edits/s)",
            count(UpdateResult.Status.updated), count(UpdateResult.Status.unchanged), count(UpdateResult.Status.failed),
            count(UpdateResult.Status.skipped),
            count(UpdateResult.Status.planned) > 0 ? ", " + count(UpdateResult.Status.planned) + " planned (dry run: nothing was written)" : "",
            seconds(), rate());
    }

    /** {@code 1234/10000  2345 edits/s  3 failed  ETA 4s}. */
    public String progress() {
        long done = done();
        double rate = rate();
        long left = Math.max(0, total - done);
        String eta = rate > 0 ? String.format("ETA %ds", (long) Math.ceil(left / rate)) : "ETA ?";
        return String.format("%d/%d  %.0f edits/s  %d failed  %s", done, total, rate, count(UpdateResult.Status.failed), eta);
    }
}
