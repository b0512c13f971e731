package dev.posctl.update;

import java.util.concurrent.atomic.AtomicLongArray;

/** Counts of a run by status, and its pace; read by the progress line while workers add to it. */
public final class RunTally {
    private final AtomicLongArray counts = new AtomicLongArray(UpdateResult.Status.values().length);
    private final long startNanos = System.nanoTime();
    private volatile long total;
    private volatile boolean stopped;

    public void total(long total) {
        this.total = total;
    }

    /** The run ended early: the summary then says how many edits were never sent. */
    public void stopped() {
        this.stopped = true;
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

    // Plain concatenation, not String.format: a locale-aware Formatter loads the locale data
    // (about 15 ms of a one-shot command) and would write "0,2 s" in some locales.
    public String summary() {
        long planned = count(UpdateResult.Status.planned);
        long unknown = count(UpdateResult.Status.unknown);
        long notSent = Math.max(0, total - done());
        return count(UpdateResult.Status.updated) + " updated, " + count(UpdateResult.Status.unchanged) + " unchanged, "
            + count(UpdateResult.Status.failed) + " failed, " + count(UpdateResult.Status.skipped) + " skipped"
            + (planned > 0 ? ", " + planned + " planned (dry run: nothing was written)" : "")
            + (unknown > 0 ? ", " + unknown + " unknown (not recorded in the journal)" : "")
            + (stopped && notSent > 0 ? ", " + notSent + " not sent" : "")
            + " in " + tenths(seconds()) + " s (" + Math.round(rate()) + " edits/s)";
    }

    static String tenths(double value) {
        long t = Math.round(value * 10);
        return t / 10 + "." + t % 10;
    }

    /** {@code 1234/10000  2345 edits/s  3 failed  ETA 4s}. */
    public String progress() {
        long done = done();
        double rate = rate();
        long left = Math.max(0, total - done);
        String eta = rate > 0 ? "ETA " + (long) Math.ceil(left / rate) + "s" : "ETA ?";
        return done + "/" + total + "  " + Math.round(rate) + " edits/s  " + count(UpdateResult.Status.failed) + " failed  " + eta;
    }
}
