package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.export.Exporter;
import dev.posctl.output.TerminalText;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What an export has done so far: counts for the progress line and the summary, and the exit code. */
final class ExportTally {
    private final Clock clock;
    private final Instant start;
    private final AtomicLong users = new AtomicLong();
    private final AtomicLong positions = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger worst = new AtomicInteger(ExitCode.OK);
    private volatile String stopped;

    ExportTally(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    Exporter.Listener listener(PrintWriter err) {
        return new Exporter.Listener() {
            @Override
            public void exported(String userId, int count) {
                users.incrementAndGet();
                positions.addAndGet(count);
            }

            @Override
            public void failed(String userId, PosctlException e) {
                failed.incrementAndGet();
                worst.accumulateAndGet(e.exitCode(), ExportTally::worse);
                synchronized (err) {
                    // the message may quote a user name the server sent: untrusted text
                    err.println("posctl: " + TerminalText.escape(e.getMessage()));
                    err.flush();
                }
            }
        };
    }

    /** Permission outranks unreachable outranks rejected: the code says what to fix first. */
    private static int worse(int a, int b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(int code) {
        return switch (code) {
            case ExitCode.OK -> 0;
            case ExitCode.REJECTED -> 1;
            case ExitCode.UNREACHABLE -> 2;
            case ExitCode.AUTH -> 3;
            default -> 4;
        };
    }

    /**
     * Ctrl-C stopped the export: the summary says how many users named were never read, and that
     * the directory's users past those listed so far were not even named.
     */
    void stopped(long notExported, boolean listingUsers) {
        stopped = ", " + notExported + " not exported (interrupted" + (listingUsers ? "; nor the directory's users not yet listed" : "")
            + ")";
    }

    boolean interrupted() {
        return stopped != null;
    }

    int exitCode() {
        return worst.get();
    }

    String progress() {
        return "exported " + plural(users.get(), "user") + (failed.get() > 0 ? ", " + failed.get() + " failed" : "");
    }

    private static String plural(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    String summary() {
        Duration took = Duration.between(start, clock.instant());
        return "exported " + plural(users.get(), "user") + " (" + plural(positions.get(), "position") + "), " + failed.get() + " failed"
            + (stopped != null ? stopped : "") + (took.toMillis() >= 1000 ? ", in " + took.toSeconds() + " s" : "");
    }
}
