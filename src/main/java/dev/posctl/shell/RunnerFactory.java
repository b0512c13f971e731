package dev.posctl.shell;

import java.io.PrintWriter;

/** Makes the runner of command lines once the shell knows where their output goes. */
@FunctionalInterface
public interface RunnerFactory {
    LineRunner runner(PrintWriter out, PrintWriter err);
}
