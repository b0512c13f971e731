package dev.posctl.cli;

/**
 * Initialises, on a second core while main builds the command, a class that nearly every command
 * needs and that is slow to initialise: BigDecimal, which every JSON parser needs (Jackson's
 * ParserMinimalBase holds BigDecimal constants). On Java 25 its static initialiser computes 5^65536
 * (BigDecimal.FIVE_TO_2_TO), about 10 ms in the interpreter; on Java 17 it takes 0.2 ms. Main then finds
 * it initialised, or waits for the rest of it, so the work is never done twice.
 */
final class StartupWarmup implements Runnable {
    private StartupWarmup() {}

    /** Starts the warm-up where there is a second core to run it on. */
    static void start() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        // a class, not a lambda: a lambda of main's would be spun at every start (the training never runs main)
        Thread t = new Thread(new StartupWarmup(), "posctl-warmup");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        try {
            Class.forName("java.math.BigDecimal");
        } catch (ClassNotFoundException | LinkageError e) {
            // only a warm-up: main initialises it when it needs it
        }
    }
}
