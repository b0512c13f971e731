package dev.posctl.cli;

import dev.posctl.api.LocalEndpoints;
import dev.posctl.config.Profile;
import dev.posctl.core.Environment;
import dev.posctl.output.Style;
import dev.posctl.output.TerminalText;
import dev.posctl.validate.Location;
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

    @Option(names = "--profile", paramLabel = "NAME",
        description = "Configuration profile to use (env POSCTL_PROFILE; default: the config's current profile).")
    String profile;

    public Environment env() {
        return ((PosctlCommand) mixee.root().userObject()).env();
    }

    /** Where the embedded sandbox comes from for this command. */
    public LocalEndpoints local() {
        return ((PosctlCommand) mixee.root().userObject()).local();
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

    /**
     * One edit's failure, never suppressed: {@code posctl: FILE:LINE:COL: WHAT: MESSAGE}. Workers of a
     * bulk run call this concurrently, so a line is written and flushed whole.
     */
    public void editFailed(Location where, String what, String message) {
        PrintWriter err = err();
        synchronized (err) {
            // file names, ids and server messages may hold control characters: a terminal gets them escaped
            err.println("posctl: " + TerminalText.escape((where != null ? where.prefix() + ": " : "") + (what != null ? what + ": " : "") + message));
            err.flush();
        }
    }

    /** The selected profile: --profile, POSCTL_PROFILE, else the config's current one. */
    public Profile profile() {
        return Profile.select(env(), profile);
    }

    /** The --profile flag's value, or null. */
    public String profileFlag() {
        return profile;
    }

    public boolean verbose() {
        return verbose;
    }
}
