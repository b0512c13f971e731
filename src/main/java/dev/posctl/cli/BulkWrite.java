package dev.posctl.cli;

import dev.posctl.api.Connection;
import dev.posctl.core.PosctlException;
import dev.posctl.output.OutputFormat;
import dev.posctl.run.Journal;
import dev.posctl.run.NdjsonAppender;
import dev.posctl.run.Operation;
import dev.posctl.run.Outcome;
import dev.posctl.run.Reversal;
import dev.posctl.run.Run;
import dev.posctl.run.RunTally;
import dev.posctl.run.Sequence;
import java.util.List;
import java.util.function.Function;

/**
 * What every writing command (update, create, delete -f, undo, apply) does once its input is
 * checked: open the connection, journal and reports, run the operations on the engine with
 * progress, print the outcomes and the summary, and end with the exit code. Commands differ only
 * in what they feed it.
 */
final class BulkWrite {
    /**
     * @param title     the command as CI reports name it ("posctl update --dry-run")
     * @param total     how many operations the feed holds (for progress and "not sent")
     * @param sourceIds what the journal knows each source by
     * @param settled   outcomes known before sending (what undo cannot reverse), reported first
     * @param runName   how the run names itself when its journal stops it ("the run", "the undo")
     * @param ownJournal how it names that journal ("the journal", "its journal")
     * @param resume    what to do after an interruption
     * @param afterSummary said at the end of the summary line ("; the undo's journal is F"), or ""
     * @param headline  what the summary names first (see {@link RunTally#headline})
     */
    record Job(String title, List<Outcome.Status> headline, long total, Function<String, String> sourceIds, Run.Feed feed, Sequence.Options options,
               Reversal reversal, List<Outcome> settled, String runName, String ownJournal, String resume, String afterSummary) {
        /** A run of the inputs' own operations: nothing settled before, named "the run". */
        static Job of(Operation.Kind kind, String title, long total, Function<String, String> sourceIds, Run.Feed feed, Sequence.Options options,
                      String journalOption) {
            return new Job(title, RunTally.headline(kind), total, sourceIds, feed, options, null, List.of(), "the run", "the journal",
                "run again with --resume to finish" + (journalOption == null ? " (use --journal next time)" : ""), "");
        }
    }

    private BulkWrite() {
    }

    static int run(CommonOptions common, BulkOptions bulk, EndpointOptions endpoint, OutputFormat format, Job job)
        throws InterruptedException {
        var env = common.env();
        boolean dryRun = job.options().dryRun();
        RunTally tally = new RunTally(job.headline());
        tally.total(job.total());
        boolean interrupted;
        ResultPrinter printer;
        RunPresenter presenter;
        Run run;
        PosctlException ciFailure;
        Connection.Settings settings = endpoint.settings();
        try (Connection connection = Connection.open(settings, env, common.local(), common.err(), common.quiet);
             Journal journal = bulk.journal == null ? null : Journal.open(env.cwd().resolve(bulk.journal), bulk.resume);
             NdjsonAppender report = bulk.send.report == null || bulk.send.reportFormat != BulkOptions.ReportFormat.ndjson ? null
                 : new NdjsonAppender(env.cwd().resolve(bulk.send.report), false, false);
             CiReports ci = CiReports.open(bulk, common, job.title())) {
            // made once the files are open: -o json's '[' must not be printed for a run that cannot start
            printer = new ResultPrinter(format, common.out(), env.stdoutTerminal(), env.columns(), job.title().replace(" --dry-run", ""));
            presenter = new RunPresenter(common, printer, ci);
            run = new Run(new Run.Settings(bulk.send.concurrency, bulk.send.batchSize, bulk.send.failFast, bulk.resume,
                bulk.journal == null ? null : bulk.journal.toString(), env.isRealProcess()), tally, presenter, job.sourceIds());
            for (Outcome o : job.settled()) {
                run.settled(o, report);
            }
            try (ProgressLine progress = ProgressLine.start(bulk.send.progress, common.quiet, env.stderrTerminal(), common.err(),
                tally::progress)) {
                interrupted = run.send(job.feed(), connection, settings.http(), env.clock(), journal, report, job.options(),
                    job.reversal());
            }
            ciFailure = ci == null ? null : ci.finish(tally);
        }
        String note = printer.finish(dryRun);
        if (note != null) {
            common.note("posctl: " + note);
        }
        long unchanged = tally.count(Outcome.Status.unchanged);
        if (unchanged > 0) {
            // otherwise a dry run that shows no request leaves people guessing why
            common.note(unchanged == tally.done() && unchanged == 1 ? "posctl: nothing to send: the position already has these values"
                : "posctl: nothing to send for " + unchanged + " unchanged edit" + (unchanged == 1 ? ": its position already has"
                : "s: their positions already have") + " these values");
        }
        common.note(tally.summary() + job.afterSummary());
        return presenter.ending(run, interrupted, job.runName(), job.ownJournal(), job.resume(), ciFailure);
    }
}
