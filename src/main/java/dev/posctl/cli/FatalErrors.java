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
    /**
     * Heap given back when the end comes: a handler that runs out of memory itself says nothing,
     * and the JVM then exits 1 (measured: a bulk run under -Xmx32m, two times in three).
     */
    private static volatile byte[] reserve;
    /** Made before it is needed, for the same reason. */
    private static volatile String outOfMemory;

    private FatalErrors() {}

    static void install(PrintWriter err) {
        reserve = new byte[(int) Math.min(1 << 20, Runtime.getRuntime().maxMemory() / 16)];
        outOfMemory = describe(new OutOfMemoryError("Java heap space"));
        Thread.setDefaultUncaughtExceptionHandler(new Handler(err));
    }

    private static final class Handler implements Thread.UncaughtExceptionHandler {
        private final PrintWriter err;

        Handler(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void uncaughtException(Thread thread, Throwable t) {
            if (t instanceof Error) {
                end(err, t);
            } else {
                // a background task's bug: one line (never a trace, nor a message that may quote data) and the work goes on
                err.println("posctl: internal error in " + thread.getName() + " (a bug: please report it)");
                err.flush();
            }
        }
    }

    /**
     * Says why and halts: after an Error nothing else can be trusted to finish. Standard output is
     * not flushed, as another thread may have been writing a result line; what was flushed is whole.
     */
    static synchronized void end(PrintWriter err, Throwable t) {
        // synchronized: the threads that run out of memory together say so once, the first one halts
        reserve = null;
        try {
            String prepared = outOfMemory;
            err.println(t instanceof OutOfMemoryError && prepared != null ? prepared : describe(t));
            err.flush();
        } catch (Throwable ignored) {
            // nothing left to say it with
        }
        Runtime.getRuntime().halt(ExitCode.INTERNAL);
    }

    static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            long mb = Runtime.getRuntime().maxMemory() >> 20;
            long more = Math.max(512, Long.highestOneBit(mb) * 2);
            return "posctl: out of memory (the heap limit is " + mb + " MB). Give Java more, e.g."
                + " POSCTL_JAVA_OPTS=-Xmx" + more + "m with the posctl launcher, or java -Xmx" + more + "m -jar;"
                + " an update run with --journal FILE then finishes with --resume, sending nothing again that is done";
        }
        if (t instanceof StackOverflowError) {
            return "posctl: internal error: stack overflow (input nested too deeply?) (a bug: please report it)";
        }
        // not the Error's message: it may quote what was being read
        return "posctl: internal error (a bug: please report it)";
    }
}
