package dev.posctl.cli;

import dev.posctl.output.OutputFormat;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code -o/--output}: what format data goes to stdout in. */
public final class OutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
        description = "Output format: ${COMPLETION-CANDIDATES} (default: table on a terminal, json otherwise; env POSCTL_OUTPUT).")
    OutputFormat format;

    /**
     * The chosen format, or the default for where stdout goes; {@code table} and {@code text} are
     * the same thing for commands whose human form is not a table.
     */
    public OutputFormat resolve(boolean terminal, Set<OutputFormat> allowed) {
        OutputFormat f = format != null ? format : terminal ? OutputFormat.table : OutputFormat.json;
        if (f == OutputFormat.text && !allowed.contains(f)) {
            f = OutputFormat.table;
        } else if (f == OutputFormat.table && !allowed.contains(f)) {
            f = OutputFormat.text;
        }
        if (!allowed.contains(f)) {
            throw new ParameterException(mixee.commandLine(), "--output " + f + " is not available for "
                + mixee.qualifiedName() + "; choose one of: " + allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        return f;
    }

    /** For commands whose output is data (positions, results): table, json, yaml or ndjson. */
    public OutputFormat resolveData(boolean terminal) {
        return resolve(terminal, of(OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson));
    }

    public static Set<OutputFormat> of(OutputFormat first, OutputFormat... rest) {
        return EnumSet.of(first, rest);
    }
}
