package dev.posctl.cli;

import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * Builds the one command tree that main, the tests and (later) the shell all run: handlers,
 * exit codes, version, defaults from the environment, and the writers.
 */
public final class CommandLineFactory {
    private CommandLineFactory() {}

    public static CommandLine create(Environment env, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PosctlCommand(env));
        boolean color = env.stdoutTerminal() && env.colorAllowed();
        cl.setColorScheme(Help.defaultColorScheme(color ? Help.Ansi.ON : Help.Ansi.OFF));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        cl.setDefaultValueProvider(new EnvironmentDefaults(env));
        cl.setParameterExceptionHandler(new ErrorHandlers.Usage());
        cl.setExecutionExceptionHandler(new ErrorHandlers.Execution());
        cl.setExitCodeExceptionMapper(t -> ExitCode.INTERNAL);
        return cl;
    }
}
