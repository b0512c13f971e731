package dev.posctl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The progress of a run (an update, an undo, an export) on stderr: redrawn in place on a terminal, a plain line every few seconds for logs. */
final class ProgressLine implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final PrintWriter err;
    private final Supplier<String> progress;
    private final boolean inPlace;

    private ProgressLine(PrintWriter err, Supplier<String> progress, boolean inPlace, long periodMillis) {
        this.err = err;
        this.progress = progress;
        this.inPlace = inPlace;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "posctl-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::draw, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Null when nothing should be shown (try-with-resources accepts it). */
    static ProgressLine start(BulkOptions.ProgressMode mode, boolean quiet, boolean terminal, PrintWriter err, Supplier<String> progress) {
        if (quiet || mode == BulkOptions.ProgressMode.off) {
            return null;
        }
        if (mode == BulkOptions.ProgressMode.plain) {
            return new ProgressLine(err, progress, false, 5000);
        }
        return terminal ? new ProgressLine(err, progress, true, 200) : null;
    }

    private void draw() {
        synchronized (err) {
            if (inPlace) {
                err.print("\r\u001b[2K" + progress.get());
            } else {
                err.println("progress: " + progress.get());
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
