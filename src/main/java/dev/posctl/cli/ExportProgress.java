package dev.posctl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** An export's progress on stderr: redrawn in place on a terminal, a plain line every few seconds for logs. */
final class ExportProgress implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final PrintWriter err;
    private final ExportTally tally;
    private final boolean inPlace;

    private ExportProgress(PrintWriter err, ExportTally tally, boolean inPlace, long periodMillis) {
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

    /** Null when nothing should be shown (try-with-resources accepts it). */
    static ExportProgress start(BulkOptions.ProgressMode mode, boolean quiet, boolean terminal, PrintWriter err, ExportTally tally) {
        if (quiet || mode == BulkOptions.ProgressMode.off) {
            return null;
        }
        if (mode == BulkOptions.ProgressMode.plain) {
            return new ExportProgress(err, tally, false, 5000);
        }
        return terminal ? new ExportProgress(err, tally, true, 200) : null;
    }

    private void draw() {
        synchronized (err) {
            err.print(inPlace ? "\r\u001b[2K" + tally.progress() : "progress: " + tally.progress() + "\n");
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
