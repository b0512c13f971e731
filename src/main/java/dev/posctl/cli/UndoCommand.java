package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.input.RealPaths;
import dev.posctl.output.OutputFormat;
import dev.posctl.run.Operation;
import dev.posctl.run.Outcome;
import dev.posctl.run.RunTally;
import dev.posctl.run.Reversal;
import dev.posctl.run.Sequence;
import dev.posctl.run.Undo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson, OutputFormat.github})
@Command(name = "undo", sortOptions = false,
    description = {"Take back what a run's --journal records: updated fields go back to their values before, created positions"
        + " are deleted, deleted ones are created again (with new ids, reported).",
        "A position changed since the run wrote it is a conflict: shown field by field and left alone (exit 4), unless --force.",
        "Only what the journal records as applied is reversed, so a run cut off midway is undone exactly as far as it got.",
        "The undo keeps its own journal (FILE.undo by default): undo that to apply the run again."})
public final class UndoCommand implements Callable<Integer> {
    @Option(names = "--journal", paramLabel = "FILE", required = true, description = "The journal of the run to undo.")
    Path journal;

    @Option(names = "--undo-journal", paramLabel = "FILE",
        description = "Where the undo records its own outcomes (default: the journal's name plus .undo).")
    Path undoJournal;

    @Option(names = "--resume", description = "Finish an interrupted undo: skip what its own journal records as done.")
    boolean resume;

    @Option(names = "--force", description = "Reverse conflicting positions too, overwriting what changed since the run.")
    boolean force;

    @Option(names = "--dry-run", description = "Send no writes: print the plan, the requests that would be sent.")
    boolean dryRun;

    @Mixin
    SendOptions send;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws InterruptedException {
        var env = common.env();
        BulkOptions bulk = bulkOptions();
        bulk.check();
        OutputFormat format = output.resolve(env.stdoutTerminal());
        Path input = env.cwd().resolve(journal);
        Path own = env.cwd().resolve(bulk.journal);
        checkFiles(input, own);
        Undo.Plan plan = Undo.plan(input, journal.toString());
        String inputId = RealPaths.of(input).toString();
        List<Outcome> settled = new ArrayList<>();
        for (Undo.Irreversible i : plan.irreversible()) {
            settled.add(Outcome.failed(i.location(), i.user(), i.id(), 0, "notReversible", i.why(), null, ExitCode.REJECTED));
        }
        Path ownShown = bulk.journal;
        if (dryRun) {
            bulk.journal = null;
        }
        return BulkWrite.run(common, bulk, endpoint, format, new BulkWrite.Job("posctl undo" + (dryRun ? " --dry-run" : ""), RunTally.headline(Operation.Kind.update),
            plan.steps().size() + plan.irreversible().size(), name -> inputId,
            (reread, each) -> plan.steps().forEach(s -> each.accept(s.operation())), new Sequence.Options(true, dryRun, false, false),
            new Reversal(plan::expected, force), settled, "the undo", "its journal", "run the undo again with --resume to finish",
            dryRun ? "" : "; the undo's journal is " + ownShown));
    }

    /** The run's options, with the undo's own journal: --journal names the one undone. */
    private BulkOptions bulkOptions() {
        BulkOptions b = new BulkOptions();
        b.send = send;
        b.resume = resume;
        b.journal = undoJournal != null ? undoJournal : Path.of(journal + ".undo");
        return b;
    }

    /**
     * Refuses an undo journal that is the journal undone, or one that already records an undo: starting
     * it afresh would lose what undoes that undo.
     */
    private void checkFiles(Path input, Path own) {
        if (!Files.exists(input)) {
            throw new PosctlException(ExitCode.INVALID_INPUT, "journal " + journal + ": no such file");
        }
        if (RealPaths.of(input).equals(RealPaths.of(own))) {
            throw new PosctlException(ExitCode.USAGE, "--undo-journal is the journal undone (" + journal + "); give another file");
        }
        if (send.report != null && RealPaths.of(env().cwd().resolve(send.report)).equals(RealPaths.of(input))) {
            throw new PosctlException(ExitCode.USAGE, "--report is the journal undone (" + journal + "); give another file");
        }
        if (!dryRun && !resume && nonEmpty(own)) {
            throw new PosctlException(ExitCode.USAGE, "the undo's journal " + own.getFileName() + " exists: it records an earlier undo"
                + " (undo it to apply the run again); finish that undo with --resume, or give --undo-journal another file");
        }
    }

    private dev.posctl.core.Environment env() {
        return common.env();
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
