package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.input.Edit;
import dev.posctl.input.EditInputs;
import dev.posctl.input.InputSpool;
import dev.posctl.output.ProblemRenderer;
import dev.posctl.validate.ProblemSink;
import java.util.ArrayList;
import java.util.List;

/** Every command that sends reads and checks all its edits first: with any error, nothing is sent. */
final class EditValidation {
    private EditValidation() {}

    static List<Edit> requireValid(EditInputs inputs, CommonOptions common) {
        ProblemSink sink = new ProblemSink(false);
        List<Edit> edits = new ArrayList<>();
        inputs.read(sink, common.env().stdin(), common.env()::today, edits::add);
        report(sink, common);
        return edits;
    }

    /** The first of two passes: checks every edit, keeping none; returns how many there are. */
    static long requireValidCount(EditInputs inputs, CommonOptions common) {
        ProblemSink sink = new ProblemSink(false);
        long n = inputs.count(sink, common.env().stdin(), common.env()::today).edits();
        report(sink, common);
        return n;
    }

    /**
     * The same, for update: inputs read once are copied as they are read, and reading ends once
     * more problems are found than are listed (nothing is sent after an error, and an endless
     * input would otherwise be copied for ever).
     */
    static long requireValidCount(EditInputs inputs, InputSpool spool, CommonOptions common) {
        ProblemSink sink = new ProblemSink(false);
        long n = spool.copying(inputs, () -> sink.dropped() > 0).count(sink, common.env().stdin(), common.env()::today).edits();
        report(sink, common, spool.cut());
        return n;
    }

    private static void report(ProblemSink sink, CommonOptions common) {
        report(sink, common, false);
    }

    private static void report(ProblemSink sink, CommonOptions common, boolean cut) {
        if (sink.hasErrors() || !common.quiet) {
            new ProblemRenderer(common.errStyle()).text(sink.problems(), common.err());
        }
        if (sink.hasErrors()) {
            throw new PosctlException(ExitCode.INVALID_INPUT, (cut ? "at least " : "") + sink.errors()
                + (sink.errors() == 1 ? " error" : " errors") + " in the input" + (cut ? " (reading stopped there)" : "")
                + "; nothing was sent (posctl validate shows the same checks)");
        }
    }
}
