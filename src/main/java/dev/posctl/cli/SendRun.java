package dev.posctl.cli;

import dev.posctl.api.Connection;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.BatchClient;
import dev.posctl.http.HttpSettings;
import dev.posctl.input.Edit;
import dev.posctl.input.EditInputs;
import dev.posctl.update.BulkRunner;
import dev.posctl.update.Journal;
import dev.posctl.update.NdjsonAppender;
import dev.posctl.update.RunTally;
import dev.posctl.update.UpdateResult;
import dev.posctl.update.Updater;
import dev.posctl.validate.Problem;
import dev.posctl.validate.ProblemSink;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/** The sending pass of update: edits streamed from their sources into the bulk runner, results out. */
final class SendRun {
    private final CommonOptions common;
    private final BulkOptions bulk;
    private final RunTally tally;
    private final ResultPrinter printer;
    private final AtomicInteger exitCode = new AtomicInteger(ExitCode.OK);
    private final Function<String, String> sourceIds;
    /** The first local file that could not be written (journal, report): the run then exits 7. */
    private final AtomicReference<PosctlException> localFailure = new AtomicReference<>();
    private BulkRunner runner;
    private volatile boolean journalBroke;
    private CiReports ci;

    /** @param sourceIds what the journal knows each source by (see {@link Journal#key(Edit, String)}) */
    SendRun(CommonOptions common, BulkOptions bulk, RunTally tally, ResultPrinter printer, Function<String, String> sourceIds) {
        this.sourceIds = sourceIds;
        this.common = common;
        this.bulk = bulk;
        this.tally = tally;
        this.printer = printer;
    }

    /** Feeds every outcome to the JUnit report and the Markdown summary as well. */
    SendRun reportingTo(CiReports ci) {
        this.ci = ci;
        return this;
    }

    /** Where a run's edits come from: its inputs read a second time, or an undo's plan. */
    interface Feed {
        /** @param reread where a second reading reports what the first did not find */
        void read(ProblemSink reread, Consumer<Edit> each);
    }

    /** @return true when a signal stopped the run early */
    boolean send(EditInputs inputs, Connection connection, HttpSettings http, Journal journal, NdjsonAppender report,
                 Updater.Options options) throws InterruptedException {
        var env = common.env();
        return send((reread, each) -> inputs.read(reread, env.stdin(), env::today, each), connection, http, journal, report,
            options, null);
    }

    /** @param reversal for undo, else null (see {@link Updater.Reversal}) */
    boolean send(Feed feed, Connection connection, HttpSettings http, Journal journal, NdjsonAppender report,
                 Updater.Options options, Updater.Reversal reversal) throws InterruptedException {
        var env = common.env();
        Updater updater = new Updater(connection.service(), options, reversal);
        BatchClient batch = new BatchClient(connection.service().client(), connection.service().paths(),
            http, env.clock());
        BulkRunner runner = this.runner = new BulkRunner(updater, batch,
            new BulkRunner.Options(bulk.concurrency, bulk.batchSize, bulk.failFast), new BulkRunner.Listener() {
                @Override
                public void result(Edit edit, UpdateResult r) {
                    done(journaled(journal, edit, r), report);
                }

                @Override
                public void sending(Edit edit, Updater.Patch patch) {
                    if (journal != null) {
                        try {
                            journal.intend(key(edit), edit.location(), patch);
                        } catch (PosctlException e) {
                            brokeJournal(e);
                            // a write the journal cannot tell undo of must not go out: this edit (its chunk) fails unsent
                            throw new PosctlException(ExitCode.CONFIG, "not sent: the journal cannot be written");
                        }
                    }
                }

                @Override
                public void chunkDone() {
                    printer.flush();
                }
            });
        if (journal != null && bulk.resume) {
            common.note("posctl: resuming: " + journal.doneCount() + " edits are recorded as done in " + bulk.journal);
        }
        Interrupts interrupts = env.isRealProcess() ? Interrupts.install(runner::stop,
            () -> common.note("\nposctl: stopping: finishing the requests in flight (Ctrl-C again to abort)"),
            () -> {
                common.err().println("\nposctl: aborted: edits in flight may or may not have been applied"
                    + (journal != null ? "; run again with --resume to re-read and finish them" : ""));
                common.err().flush();
            }) : null;
        try (ProgressLine progress = ProgressLine.start(bulk.progress, common.quiet, env.stderrTerminal(), common.err(), tally::progress)) {
            ProblemSink reread = new ProblemSink(false);
            feed.read(reread, edit -> {
                if (runner.stopped() || !edit.valid()) {
                    return;  // an edit invalid now was valid when checked: the input changed; reported below
                }
                if (journal != null && bulk.resume && journal.isDone(key(edit))) {
                    done(UpdateResult.skipped(edit.location(), edit.userId(), edit.id()), report);
                    printer.flush();
                    return;
                }
                try {
                    runner.submit(edit);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    runner.stop();
                }
            });
            runner.finish();
            if (runner.stopped()) {
                tally.stopped();  // --fail-fast, Ctrl-C: the summary says how many were never sent
            }
            // the second reading of the input must find what the first one validated; what it does not
            // (a file changed meanwhile) is not sent, and must not vanish either
            for (Problem p : reread.problems()) {
                if (p.isError()) {
                    done(UpdateResult.failed(p.location(), null, null, 0, "inputChanged",
                        "not sent: the input changed after it was validated: " + p.message(), null, ExitCode.REJECTED), report);
                }
            }
            if (report != null && report.failure() == null) {
                try {
                    report.flush();
                } catch (PosctlException e) {
                    localFailure.compareAndSet(null, e);
                }
            }
            printer.flush();
        } finally {
            if (interrupts != null) {
                interrupts.close();
            }
        }
        return interrupts != null && interrupts.interrupted();
    }

    private long key(Edit edit) {
        return Journal.key(edit, edit.location() != null ? sourceIds.apply(edit.location().source()) : null);
    }

    /**
     * Records the outcome in the journal. The first write that fails stops the run: without its
     * journal a run cannot be resumed safely, so nothing new is sent, and this edit and the others
     * in flight that succeeded are reported as unknown (applied, but a resumed run cannot know it).
     */
    private UpdateResult journaled(Journal journal, Edit edit, UpdateResult r) {
        if (journal == null || r.status() == UpdateResult.Status.planned) {
            return r;
        }
        try {
            journal.record(key(edit), r);
            return r;
        } catch (PosctlException e) {
            brokeJournal(e);
            // a failure is sent again on --resume anyway: it stays a failure, with its own exit code
            return r.isFailure() ? r : r.unrecorded("the journal cannot be written");
        }
    }

    private void brokeJournal(PosctlException e) {
        runner.stop();
        tally.stopped();
        journalBroke = true;
        if (localFailure.compareAndSet(null, e)) {
            common.err().println("posctl: stopping: journal " + e.getMessage()
                + "; nothing more is sent, and the edits in flight are reported as unknown");
            common.err().flush();
        }
    }

    /** An outcome settled before sending (an update undo cannot reverse): reported, counted and printed as the others. */
    void settled(UpdateResult r, NdjsonAppender report) {
        done(r, report);
    }

    private void done(UpdateResult r, NdjsonAppender report) {
        tally.add(r.status());
        if (ci != null) {
            ci.add(r);
        }
        if (report != null && report.failure() == null) {
            try {
                report.write(r.toReport());
            } catch (PosctlException e) {
                // the results on stdout and the journal go on; the run says so and exits 7
                if (localFailure.compareAndSet(null, e)) {
                    common.err().println("posctl: report " + e.getMessage() + "; the results on stdout are complete");
                    common.err().flush();
                }
            }
        }
        if (r.status() == UpdateResult.Status.unknown) {
            common.editFailed(r.source(), (r.user() != null ? r.user() : "(no user)") + " " + (r.id() != null ? r.id() : "(no id)"),
                r.error());
        }
        if (r.isFailure()) {
            exitCode.accumulateAndGet(r.exitCode(), UpdateResult::worse);
            common.editFailed(r.source(), (r.user() != null ? r.user() : "(no user)") + " " + (r.id() != null ? r.id() : "(no id)"),
                r.error());
        }
        printer.add(r);
    }

    /**
     * What every run says after its summary (stdout, a local file or a CI report that could not be
     * written; an interruption) and its exit code, in that order of precedence.
     *
     * @param stopped   how the run names itself when its journal stopped it ("the run", "the undo")
     * @param journal   how it names that journal ("the journal", "its journal")
     * @param resume    what to do after an interruption
     * @param ciFailure the CI report or summary that could not be written, or null
     */
    int ending(ResultPrinter printer, boolean interrupted, String stopped, String journal, String resume, PosctlException ciFailure) {
        String outputFailure = printer.writeFailure();
        if (outputFailure != null) {
            common.err().println("posctl: cannot write the output: " + outputFailure);
        }
        if (localFailure() != null) {
            common.err().println("posctl: " + localFailure().getMessage() + (stoppedByJournal()
                ? "; " + stopped + " stopped. What " + journal + " holds is intact: once it can be written, run again with --resume"
                : ""));
        }
        if (ciFailure != null) {
            common.err().println("posctl: " + ciFailure.getMessage() + "; the results on stdout are complete");
        }
        if (interrupted) {
            common.err().println("posctl: interrupted; " + resume);
            return ExitCode.INTERRUPTED;
        }
        if (outputFailure != null || ciFailure != null) {
            return ExitCode.CONFIG;
        }
        return exitCode();
    }

    /** 7 when a local file (journal, report) could not be written, whatever else happened; else the worst failure. */
    int exitCode() {
        return localFailure.get() != null ? ExitCode.CONFIG : exitCode.get();
    }

    /** Whether the run stopped because its journal could not be written. */
    boolean stoppedByJournal() {
        return journalBroke;
    }

    /** The first journal or report write that failed, or null. */
    PosctlException localFailure() {
        return localFailure.get();
    }
}
