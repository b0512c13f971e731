package dev.posctl.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counts of a run by status, and its pace; read by the progress line while workers add to it. */
public final class RunTally {
    private final AtomicLongArray counts = new AtomicLongArray(Outcome.Status.values().length);
    private final long startNanos = System.nanoTime();
    private volatile long total;
    private volatile boolean stopped;
    private final List<Outcome.Status> headline;

    /** An update's tally: the summary leads with updated and unchanged. */
    public RunTally() {
        this(List.of(Outcome.Status.updated, Outcome.Status.unchanged));
    }

    /** @param headline what the summary always names first, zero or not (then failed and skipped; the rest when they occur) */
    public RunTally(List<Outcome.Status> headline) {
        this.headline = List.copyOf(headline);
    }

    /** What a run of one kind of operation leads its summary with. */
    public static List<Outcome.Status> headline(Operation.Kind kind) {
        switch (kind) {
            case create: return List.of(Outcome.Status.created);
            case delete: return List.of(Outcome.Status.deleted, Outcome.Status.notFound);
            default: return List.of(Outcome.Status.updated, Outcome.Status.unchanged);
        }
    }

    /** The statuses a summary or report counts: the headline, failed and skipped, and any other that occurred. */
    public List<Outcome.Status> shown() {
        List<Outcome.Status> out = new ArrayList<>(headline);
        for (Outcome.Status s : List.of(Outcome.Status.created, Outcome.Status.updated, Outcome.Status.deleted,
            Outcome.Status.unchanged, Outcome.Status.notFound)) {
            if (!out.contains(s) && count(s) > 0) {
                out.add(s);
            }
        }
        out.add(Outcome.Status.failed);
        out.add(Outcome.Status.skipped);
        return out;
    }

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

    public void add(Outcome.Status s) {
        counts.incrementAndGet(s.ordinal());
    }

    public long count(Outcome.Status s) {
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
        return s <= 0 ? 0 : (done() - count(Outcome.Status.skipped)) / s;
    }

    // Plain concatenation, not String.format: a locale-aware Formatter loads the locale data
    // (about 15 ms of a one-shot command) and would write "0,2 s" in some locales.
    public String summary() {
        long planned = count(Outcome.Status.planned);
        long unknown = count(Outcome.Status.unknown);
        long notSent = Math.max(0, total - done());
        StringBuilder counts = new StringBuilder();
        for (Outcome.Status s : shown()) {
            counts.append(counts.length() > 0 ? ", " : "").append(count(s)).append(' ').append(s == Outcome.Status.notFound ? "not found" : s.name());
        }
        return counts
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
        return done + "/" + total + "  " + Math.round(rate) + " edits/s  " + count(Outcome.Status.failed) + " failed  " + eta;
    }
}
