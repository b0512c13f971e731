package dev.posctl.cli;

import dev.posctl.core.Environment;
import dev.posctl.output.Style;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command has, and access to the command's environment and writers. */
public final class CommonOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-v", "--verbose"}, description = "Say more on stderr; show stack traces of internal errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print no summaries or notes on stderr; errors still print.")
    boolean quiet;

    @Option(names = "--no-color", description = "No colour (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    public Environment env() {
        return ((PosctlCommand) mixee.root().userObject()).env();
    }

    public PrintWriter out() {
        return mixee.commandLine().getOut();
    }

    public PrintWriter err() {
        return mixee.commandLine().getErr();
    }

    /** Styling for stderr diagnostics. */
    public Style errStyle() {
        return new Style(!noColor && env().stderrTerminal() && env().colorAllowed());
    }

    /** A note for people: suppressed by --quiet. */
    public void note(String message) {
        if (!quiet) {
            err().println(message);
            err().flush();
        }
    }

    public boolean verbose() {
        return verbose;
    }
}
