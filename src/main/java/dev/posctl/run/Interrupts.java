package dev.posctl.run;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C and SIGTERM during a run: the first stops taking new work and lets requests in flight
 * finish; the second ends the process at once (exit 130). The previous handlers come back on close.
 */
public final class Interrupts implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile boolean interrupted;

    /**
     * @param onFirst what the first signal does (stop the run)
     * @param notice  what the first signal says
     * @param aborted what the second says, just before the process ends
     */
    public static Interrupts install(Runnable onFirst, Runnable notice, Runnable aborted) {
        Interrupts i = new Interrupts();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal s = new Signal(name);
                i.previous.add(Signal.handle(s, sig -> i.handle(onFirst, notice, aborted)));
                i.signals.add(s);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // a JVM that does not let us handle this signal keeps its default behaviour
            }
        }
        return i;
    }

    private void handle(Runnable onFirst, Runnable notice, Runnable aborted) {
        if (interrupted) {
            aborted.run();
            Runtime.getRuntime().halt(dev.posctl.core.ExitCode.INTERRUPTED);
        }
        interrupted = true;
        notice.run();
        onFirst.run();
    }

    public boolean interrupted() {
        return interrupted;
    }

    @Override
    public void close() {
        for (int k = 0; k < signals.size(); k++) {
            Signal.handle(signals.get(k), previous.get(k));
        }
    }
}
