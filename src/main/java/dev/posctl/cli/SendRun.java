package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import dev.posctl.http.BatchClient;
import dev.posctl.http.HttpSettings;
import dev.posctl.input.Edit;
import dev.posctl.input.EditInputs;
import dev.posctl.update.BulkRunner;
import dev.posctl.update.Connection;
import dev.posctl.update.Journal;
import dev.posctl.update.NdjsonAppender;
import dev.posctl.update.RunTally;
import dev.posctl.update.UpdateResult;
import dev.posctl.update.Updater;
import dev.posctl.validate.Problem;
import dev.posctl.validate.ProblemSink;
import java.util.concurrent.atomic.AtomicInteger;

/** The sending pass of update: edits streamed from their sources into the bulk runner, results out. */
final class SendRun {
    private final CommonOptions common;
    private final BulkOptions bulk;
    private final RunTally tally;
    private final ResultPrinter printer;
    private final AtomicInteger exitCode = new AtomicInteger(ExitCode.OK);

    SendRun(CommonOptions common, BulkOptions bulk, RunTally tally, ResultPrinter printer) {
        this.common = common;
        this.bulk = bulk;
        this.tally = tally;
        this.printer = printer;
    }

    /** @return true when a signal stopped the run early */
    boolean send(EditInputs inputs, Connection connection, HttpSettings http, Journal journal, NdjsonAppender report,
                 Updater.Options options) throws InterruptedException {
        var env = common.env();
        Updater updater = new Updater(connection.service(), options);
        BatchClient batch = new BatchClient(connection.service().client(), connection.service().paths(),
            http, env.clock());
        BulkRunner runner = new BulkRunner(updater, batch,
            new BulkRunner.Options(bulk.concurrency, bulk.batchSize, bulk.failFast), new BulkRunner.Listener() {
                @Override
                public void result(Edit edit, UpdateResult r) {
                    if (journal != null && r.status() != UpdateResult.Status.planned) {
                        journal.record(Journal.key(edit), r);
                    }
                    done(r, report);
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
        try (ProgressLine progress = ProgressLine.start(bulk.progress, common.quiet, env.stderrTerminal(), common.err(), tally)) {
            ProblemSink reread = new ProblemSink(false);
            inputs.read(reread, env.stdin(), env::today, edit -> {
                if (runner.stopped() || !edit.valid()) {
                    return;  // an edit invalid now was valid when checked: the input changed; reported below
                }
                if (journal != null && bulk.resume && journal.isDone(Journal.key(edit))) {
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
            // the second reading of the input must find what the first one validated; what it does not
            // (a file changed meanwhile) is not sent, and must not vanish either
            for (Problem p : reread.problems()) {
                if (p.isError()) {
                    done(UpdateResult.failed(p.location(), null, null, 0, "inputChanged",
                        "not sent: the input changed after it was validated: " + p.message(), null, ExitCode.REJECTED), report);
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

    private void done(UpdateResult r, NdjsonAppender report) {
        tally.add(r.status());
        if (report != null) {
            report.write(r.toReport());
        }
        if (r.isFailure()) {
            exitCode.accumulateAndGet(r.exitCode(), UpdateResult::worse);
            common.editFailed(r.source(), (r.user() != null ? r.user() : "(no user)") + " " + (r.id() != null ? r.id() : "(no id)"),
                r.error());
        }
        printer.add(r);
    }

    int exitCode() {
        return exitCode.get();
    }
}
