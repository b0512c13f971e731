package dev.posctl.cli;

import dev.posctl.core.Environment;
import dev.posctl.output.OutputFormat;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code -o/--output}: what format data goes to stdout in; the formats are the command's {@link Formats}. */
public final class OutputOptions {
    static final String VARIABLE = EnvironmentDefaults.variable("--output");

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
        // the command tree replaces this with each command's own formats and defaults (CommandLineFactory.narrowFormats)
        description = "Output format: ${COMPLETION-CANDIDATES} (env POSCTL_OUTPUT).")
    OutputFormat format;

    /** The chosen format, or the command's default for where stdout goes. */
    public OutputFormat resolve(boolean terminal) {
        FormatChoice f = formats(mixee);
        Set<OutputFormat> allowed = EnumSet.copyOf(f.value());
        OutputFormat fallback = terminal ? f.terminal() : f.pipe();
        // in a GitHub Actions job, problems and failed edits are most use as annotations on the diff
        Environment env = ((PosctlCommand) mixee.root().userObject()).env();
        if (!terminal && allowed.contains(OutputFormat.github) && "true".equals(env.get("GITHUB_ACTIONS"))) {
            fallback = OutputFormat.github;
        }
        return resolve(fallback, allowed);
    }

    /**
     * The chosen format among {@code allowed} (a command whose formats depend on its other options
     * narrows its {@link Formats}), else {@code fallback}. {@code table} and {@code text} are the
     * same thing for commands whose human form is not a table.
     */
    public OutputFormat resolve(OutputFormat fallback, Set<OutputFormat> allowed) {
        if (format == null) {
            return fallback;
        }
        OutputFormat f = format;
        if (f == OutputFormat.text && !allowed.contains(f) && allowed.contains(OutputFormat.table)) {
            f = OutputFormat.table;
        } else if (f == OutputFormat.table && !allowed.contains(f) && allowed.contains(OutputFormat.text)) {
            f = OutputFormat.text;
        }
        if (allowed.contains(f)) {
            return f;
        }
        if (explicit()) {
            throw new ParameterException(mixee.commandLine(), "--output " + format + " is not available for "
                + mixee.qualifiedName() + "; choose one of: " + allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        // a default meant for every command (POSCTL_OUTPUT=github in CI, a profile's output: table)
        // is not this command's business to refuse
        OptionSpec verbose = mixee.findOption("--verbose");
        if (verbose != null && Boolean.TRUE.equals(verbose.getValue())) {
            mixee.commandLine().getErr().println("posctl: the default output " + format + " (" + VARIABLE + " or the profile)"
                + " is not available for " + mixee.qualifiedName() + "; using " + fallback);
            mixee.commandLine().getErr().flush();
        }
        return fallback;
    }

    private boolean explicit() {
        ParseResult pr = mixee.commandLine().getParseResult();
        return pr != null && pr.hasMatchedOption("--output");
    }

    static FormatChoice formats(CommandSpec spec) {
        FormatChoice f = CommandSpecs.formats(spec.userObject());
        if (f == null) {
            throw new IllegalStateException(spec.qualifiedName() + " has -o but no @Formats");
        }
        return f;
    }

    public static Set<OutputFormat> of(OutputFormat first, OutputFormat... rest) {
        return EnumSet.of(first, rest);
    }
}
