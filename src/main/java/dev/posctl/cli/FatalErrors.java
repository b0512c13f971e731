package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import java.io.PrintWriter;

/**
 * What happens when a thread dies of an Error (out of memory, above all). The JVM's default prints
 * a stack trace and lets the other threads go on, and a bulk run then waits for ever on requests
 * whose HTTP threads are gone. Here the process says what happened in one line and ends (exit 70);
 * what the journal recorded stays recorded, so --resume finishes the run.
 */
final class FatalErrors {
    private FatalErrors() {}

    static void install(PrintWriter out, PrintWriter err) {
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> {
            if (t instanceof Error) {
                end(out, err, t);
            } else {
                // a background task's bug: one line (never a trace) and the work goes on
                err.println("posctl: internal error in " + thread.getName() + ": " + t + " (a bug: please report it)");
                err.flush();
            }
        });
    }

    /** Flushes what was written, says why and halts: after an Error, nothing else can be trusted to finish. */
    static void end(PrintWriter out, PrintWriter err, Throwable t) {
        try {
            out.flush();
        } catch (Throwable ignored) {
            // the message below matters more
        }
        try {
            err.println("posctl: " + describe(t));
            err.flush();
        } catch (Throwable ignored) {
            // nothing left to say it with
        }
        Runtime.getRuntime().halt(ExitCode.INTERNAL);
    }

    static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            long mb = Runtime.getRuntime().maxMemory() >> 20;
            return "out of memory (" + t.getMessage() + "; the heap limit is " + mb + " MB). Give Java more, e.g."
                + " POSCTL_JAVA_OPTS=-Xmx512m with the posctl launcher, or java -Xmx512m -jar; with --journal FILE,"
                + " --resume then finishes the run without sending again what is done";
        }
        if (t instanceof StackOverflowError) {
            return "internal error: stack overflow (input nested too deeply?) (a bug: please report it)";
        }
        return "internal error: " + t + " (a bug: please report it)";
    }
}
