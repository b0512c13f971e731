package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.input.Edit;
import dev.posctl.input.EditInputs;
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

    private static void report(ProblemSink sink, CommonOptions common) {
        if (sink.hasErrors() || !common.quiet) {
            new ProblemRenderer(common.errStyle()).text(sink.problems(), common.err());
        }
        if (sink.hasErrors()) {
            throw new PosctlException(ExitCode.INVALID_INPUT, sink.errors() + (sink.errors() == 1 ? " error" : " errors")
                + " in the input; nothing was sent (posctl validate shows the same checks)");
        }
    }
}
