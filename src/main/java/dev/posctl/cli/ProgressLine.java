package dev.posctl.cli;

import dev.posctl.update.RunTally;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The progress of a run on stderr: redrawn in place on a terminal, a plain line every few seconds for logs. */
final class ProgressLine implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final PrintWriter err;
    private final RunTally tally;
    private final boolean inPlace;

    private ProgressLine(PrintWriter err, RunTally tally, boolean inPlace, long periodMillis) {
        this.err = err;
        this.tally = tally;
        this.inPlace = inPlace;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "posctl-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::draw, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Null when nothing should be shown. */
    static ProgressLine start(BulkOptions.ProgressMode mode, boolean quiet, boolean terminal, PrintWriter err, RunTally tally) {
        if (quiet || mode == BulkOptions.ProgressMode.off) {
            return null;
        }
        if (mode == BulkOptions.ProgressMode.plain) {
            return new ProgressLine(err, tally, false, 5000);
        }
        return terminal ? new ProgressLine(err, tally, true, 200) : null;
    }

    private void draw() {
        synchronized (err) {
            if (inPlace) {
                err.print("\r\u001b[2K" + tally.progress());
            } else {
                err.println("progress: " + tally.progress());
            }
            err.flush();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (inPlace) {
            synchronized (err) {
                err.print("\r\u001b[2K");
                err.flush();
            }
        }
    }
}
