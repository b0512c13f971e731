package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import dev.posctl.core.Version;
import dev.posctl.input.EditInputs;
import dev.posctl.output.JsonRenderer;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.ProblemRenderer;
import dev.posctl.output.Renderer;
import dev.posctl.output.SarifRenderer;
import dev.posctl.validate.ProblemSink;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Formats(value = {OutputFormat.text, OutputFormat.json, OutputFormat.ndjson, OutputFormat.yaml, OutputFormat.github,
    OutputFormat.sarif},
    terminal = OutputFormat.text)
@Command(name = "validate", sortOptions = false,
    description = {"Check edits offline against the workPosition schema. Sends nothing.",
        "Every problem in every document is reported with its file, line, column and field path.",
        "User documents as export writes them ({userId, positions: [...]}) are read as one edit per position, its id optional."})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    EditOptions edit;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var env = common.env();
        EditInputs inputs = input.toInputs(env, edit).acceptingUserDocuments();
        OutputFormat format = output.resolve(env.stdoutTerminal());
        ProblemSink sink = new ProblemSink(strict);
        EditInputs.Counts counts = inputs.count(sink, env.stdin(), env::today);
        switch (format) {
            case text:
                new ProblemRenderer(common.errStyle()).text(sink.problems(), common.err());
                break;
            case github:
                ProblemRenderer.github(sink.problems(), common.out());
                break;
            case sarif:
                new JsonRenderer(env.stdoutTerminal()).render(new SarifRenderer(Version.get()).problems(sink.problems()).toJson(), common.out());
                break;
            default:
                Renderer.of(format, env.stdoutTerminal(), env.columns(), java.util.List.of())
                    .render(ProblemRenderer.json(sink.problems()), common.out());
        }
        if (sink.dropped() > 0) {
            common.note("posctl: " + sink.dropped() + " more problems were counted but not listed");
        }
        common.note(summary(counts, sink));
        return sink.hasErrors() ? ExitCode.INVALID_INPUT : ExitCode.OK;
    }

    /** The totals add up: documents read = edits checked + documents that are not edits. */
    static String summary(EditInputs.Counts counts, ProblemSink sink) {
        long notEdits = counts.documents() - counts.edits();
        StringBuilder b = new StringBuilder();
        if (counts.users() > 0) {
            b.append(plural(counts.users(), "user document")).append(" (each position an edit), ");
        }
        if (notEdits > 0) {
            b.append(plural(counts.documents(), "document")).append(", ");
        }
        b.append(plural(counts.edits(), "edit")).append(" checked, ").append(counts.valid()).append(" valid");
        if (notEdits > 0) {
            b.append("; ").append(plural(notEdits, "document")).append(notEdits == 1 ? " is" : " are").append(" not an edit");
        }
        return b.append(": ").append(plural(sink.errors(), "error")).append(", ").append(plural(sink.warnings(), "warning")).toString();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
