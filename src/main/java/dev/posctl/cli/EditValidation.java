package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.core.Version;
import dev.posctl.input.Edit;
import dev.posctl.input.EditInputs;
import dev.posctl.input.InputSpool;
import dev.posctl.output.JsonRenderer;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.ProblemRenderer;
import dev.posctl.output.Renderer;
import dev.posctl.output.SarifRenderer;
import dev.posctl.validate.Problem;
import dev.posctl.validate.ProblemSink;
import java.util.ArrayList;
import java.util.List;

/** Every command that sends reads and checks all its edits first: with any error, nothing is sent. */
final class EditValidation {
    /** Told the problems of input that is refused, just before the refusal (CI reports say so too). */
    interface Rejected {
        void problems(List<Problem> problems);

        /** The CI reports of a run (JUnit report, Markdown summary) list the refused input's errors. */
        static Rejected reporting(BulkOptions bulk, CommonOptions common, String title) {
            return problems -> {
                PosctlException failure = CiReports.rejected(bulk, common, title, problems);
                if (failure != null) {
                    common.err().println("posctl: " + failure.getMessage());
                }
            };
        }
    }

    private static final Rejected NOBODY = p -> { };

    private EditValidation() {}

    /** @param format the command's output: machine formats also get the problems, on stdout */
    static List<Edit> requireValid(EditInputs inputs, CommonOptions common, OutputFormat format) {
        return read(inputs, common, format, user -> { }, NOBODY);
    }

    /** @param users told the userId of each user document read (apply plans users without positions too) */
    static List<Edit> requireValid(EditInputs inputs, CommonOptions common, OutputFormat format,
                                   java.util.function.Consumer<String> users) {
        return read(inputs, common, format, users, NOBODY);
    }

    /** @param rejected told the problems when the input is refused */
    static List<Edit> requireValid(EditInputs inputs, CommonOptions common, OutputFormat format,
                                   java.util.function.Consumer<String> users, Rejected rejected) {
        return read(inputs, common, format, users, rejected);
    }

    /** @param rejected told the problems when the input is refused */
    static List<Edit> requireValidReporting(EditInputs inputs, CommonOptions common, OutputFormat format, Rejected rejected) {
        return read(inputs, common, format, user -> { }, rejected);
    }

    private static List<Edit> read(EditInputs inputs, CommonOptions common, OutputFormat format,
                                   java.util.function.Consumer<String> users, Rejected rejected) {
        ProblemSink sink = new ProblemSink(false);
        List<Edit> edits = new ArrayList<>();
        inputs.read(sink, common.env().stdin(), common.env()::today, edits::add, users);
        report(sink, common, format, false, rejected);
        return edits;
    }

    /** Problems found after reading (rules of one command): reported like the reader's, exit 3 with any error. */
    static void require(List<Problem> problems, CommonOptions common, OutputFormat format, Rejected rejected) {
        ProblemSink sink = new ProblemSink(false);
        problems.forEach(sink::add);
        if (!problems.isEmpty()) {
            report(sink, common, format, false, rejected);
        }
    }

    /** The first of two passes: checks every edit, keeping none; returns how many there are. */
    static long requireValidCount(EditInputs inputs, CommonOptions common, OutputFormat format) {
        ProblemSink sink = new ProblemSink(false);
        long n = inputs.count(sink, common.env().stdin(), common.env()::today).edits();
        report(sink, common, format, false, NOBODY);
        return n;
    }

    /**
     * The same, for update: inputs read once are copied as they are read, and reading ends once
     * more problems are found than are listed (nothing is sent after an error, and an endless
     * input would otherwise be copied for ever).
     */
    static long requireValidCount(EditInputs inputs, InputSpool spool, CommonOptions common, OutputFormat format, Rejected rejected) {
        ProblemSink sink = new ProblemSink(false);
        long n = spool.copying(inputs, () -> sink.dropped() > 0).count(sink, common.env().stdin(), common.env()::today).edits();
        report(sink, common, format, spool.cut(), rejected);
        return n;
    }

    /**
     * Problems are for people on stderr; with errors, a machine format also gets them on stdout (a
     * JSON array, NDJSON or YAML of problem objects, as validate prints them), so that a script's
     * parser always has a document; -o github gets every problem as an annotation.
     */
    private static void report(ProblemSink sink, CommonOptions common, OutputFormat format, boolean cut, Rejected rejected) {
        if (sink.hasErrors() || !common.quiet) {
            new ProblemRenderer(common.errStyle()).text(sink.problems(), common.err());
        }
        if (format == OutputFormat.github) {
            ProblemRenderer.github(sink.problems(), common.out());
        } else if (format == OutputFormat.sarif) {
            if (sink.hasErrors()) {
                new JsonRenderer(false).render(new SarifRenderer(Version.get()).problems(sink.problems()).toJson(), common.out());
            }
        } else if (sink.hasErrors() && (format == OutputFormat.json || format == OutputFormat.ndjson || format == OutputFormat.yaml)) {
            Renderer.of(format, false, 0, List.of()).render(ProblemRenderer.json(sink.problems()), common.out());
            common.out().flush();
        }
        if (sink.hasErrors()) {
            rejected.problems(sink.problems());
            throw new PosctlException(ExitCode.INVALID_INPUT, (cut ? "at least " : "") + sink.errors()
                + (sink.errors() == 1 ? " error" : " errors") + " in the input" + (cut ? " (reading stopped there)" : "")
                + "; nothing was sent (posctl validate shows the same checks)");
        }
    }
}
