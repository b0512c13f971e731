package dev.posctl.run;

import dev.posctl.api.Connection;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.BatchClient;
import dev.posctl.http.HttpSettings;
import dev.posctl.validate.Problem;
import dev.posctl.validate.ProblemSink;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One run of writes, whatever their kind: operations streamed from a feed (the inputs read a second
 * time, a plan) into the {@link Engine}, with what makes a long run safe: every write journaled
 * before it goes out and its outcome after, --resume skipping what is done, the report, Ctrl-C and
 * SIGTERM stopping it cleanly, the rule that input changed since validation is not sent, and the
 * exit code of the worst failure. What the run shows is the command's business ({@link Output}).
 */
public final class Run {
    /**
     * @param journalName how the journal is named in messages (the option's value), or null without one
     * @param signals     handle Ctrl-C and SIGTERM (a real process; not the tests' in-process runs)
     */
    public record Settings(int concurrency, int batchSize, boolean failFast, boolean resume, String journalName, boolean signals) {}

    /** What the command does with what the run tells; called from worker threads. */
    public interface Output {
        /** An outcome: print it, count it in CI reports, say a failure on stderr. */
        void outcome(Outcome r);

        /** After a chunk of outcomes: stream what was printed. */
        void flush();

        /** A note on stderr (quiet hides it). */
        void note(String message);

        /** A message on stderr that is always shown. */
        void warn(String message);
    }

    /** Where a run's operations come from: its inputs read a second time, or a plan. */
    public interface Feed {
        /** @param reread where a second reading reports what the first did not find */
        void read(ProblemSink reread, Consumer<Operation> each);
    }

    private final Settings settings;
    private final RunTally tally;
    private final Output output;
    private final Function<String, String> sourceIds;
    private final AtomicInteger exitCode = new AtomicInteger(ExitCode.OK);
    /** The first local file that could not be written (journal, report): the run then exits 7. */
    private final AtomicReference<PosctlException> localFailure = new AtomicReference<>();
    private Engine engine;
    private volatile boolean journalBroke;

    /** @param sourceIds what the journal knows each source by (see {@link Journal#key}) */
    public Run(Settings settings, RunTally tally, Output output, Function<String, String> sourceIds) {
        this.settings = settings;
        this.tally = tally;
        this.output = output;
        this.sourceIds = sourceIds;
    }

    /**
     * @param reversal for undo, else null
     * @return true when a signal stopped the run early
     */
    public boolean send(Feed feed, Connection connection, HttpSettings http, Clock clock, Journal journal, NdjsonAppender report,
                        Sequence.Options options, Reversal reversal) throws InterruptedException {
        var service = connection.service();
        Sequence sequence = new Sequence(service, options.readingBeforeDelete(journal != null), reversal);
        Engine engine = this.engine = new Engine(sequence,
            Transport.batched(new BatchClient(service.client(), service.paths(), http, clock)),
            Transport.single(service.client(), service.paths()),
            new Engine.Options(settings.concurrency(), settings.batchSize(), settings.failFast()), new Engine.Listener() {
                @Override
                public void result(Operation op, Outcome r) {
                    done(journaled(journal, op, r), report);
                }

                @Override
                public void sending(Operation op, Steps.Write write) {
                    if (journal != null) {
                        try {
                            intend(journal, op, write);
                        } catch (PosctlException e) {
                            brokeJournal(e);
                            // a write the journal cannot tell undo of must not go out
                            throw new PosctlException(ExitCode.CONFIG, "not sent: the journal cannot be written");
                        }
                    }
                }

                @Override
                public void chunkDone() {
                    output.flush();
                }
            });
        if (journal != null && settings.resume()) {
            output.note("posctl: resuming: " + journal.doneCount() + " edits are recorded as done in " + settings.journalName());
        }
        Interrupts interrupts = settings.signals() ? Interrupts.install(engine::stop,
            () -> output.note("\nposctl: stopping: finishing the requests in flight (Ctrl-C again to abort)"),
            () -> output.warn("\nposctl: aborted: edits in flight may or may not have been applied"
                + (journal != null ? "; run again with --resume to re-read and finish them" : ""))) : null;
        try {
            ProblemSink reread = new ProblemSink(false);
            feed.read(reread, op -> {
                if (engine.stopped() || !op.edit().valid()) {
                    return;  // an edit invalid now was valid when checked: the input changed; reported below
                }
                if (journal != null && settings.resume() && resumed(journal, op, report)) {
                    return;
                }
                try {
                    engine.submit(op);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    engine.stop();
                }
            });
            engine.finish();
            if (engine.stopped()) {
                tally.stopped();  // --fail-fast, Ctrl-C: the summary says how many were never sent
            }
            // the second reading of the input must find what the first one validated; what it does not
            // (a file changed meanwhile) is not sent, and must not vanish either
            for (Problem p : reread.problems()) {
                if (p.isError()) {
                    done(Outcome.failed(p.location(), null, null, 0, "inputChanged",
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
            output.flush();
        } finally {
            if (interrupts != null) {
                interrupts.close();
            }
        }
        return interrupts != null && interrupts.interrupted();
    }

    /** On --resume: true when the journal settles the operation (done, or a create that may exist), which is then not sent. */
    private boolean resumed(Journal journal, Operation op, NdjsonAppender report) {
        long key = key(op);
        if (journal.isDone(key)) {
            done(Outcome.skipped(op.location(), op.user(), op.id()), report);
        } else if (op.kind() == Operation.Kind.create && journal.isUncertain(key)) {
            done(new Outcome(op.location(), op.user(), null, Outcome.Status.unknown, 0, java.util.List.of(), null, "outcomeUnknown",
                "not sent again: an earlier run sent this create and got no answer that says whether it was made; it may or may not exist:"
                    + " check with posctl list --user " + op.user(), null, null, ExitCode.REJECTED), report);
        } else {
            return false;
        }
        output.flush();
        return true;
    }

    private long key(Operation op) {
        String source = op.location() != null ? sourceIds.apply(op.location().source()) : null;
        if (op.kind() == Operation.Kind.delete) {
            return Journal.deleteKey(source, op.location() != null ? op.location().line() : 0, op.user(), op.id());
        }
        return Journal.key(op.edit(), source);
    }

    private void intend(Journal journal, Operation op, Steps.Write write) {
        switch (op.kind()) {
            case create:
                journal.intendCreate(key(op), op.location(), op.user(), write.written());
                break;
            case delete:
                if (write.current() != null) {
                    journal.intendDelete(key(op), op.location() != null ? op.location().source() : null,
                        op.location() != null ? op.location().line() : 0, op.user(), op.id(), write.current());
                }
                break;
            default:
                journal.intend(key(op), op.location(), write);
        }
    }

    /**
     * Records the outcome in the journal. The first write that fails stops the run: without its
     * journal a run cannot be resumed safely, so nothing new is sent, and this operation and the
     * others in flight that succeeded are reported as unknown (applied, but a resumed run cannot know it).
     */
    private Outcome journaled(Journal journal, Operation op, Outcome r) {
        if (journal == null || r.status() == Outcome.Status.planned) {
            return r;
        }
        try {
            long key = key(op);
            Outcome recorded = r;
            if (op.kind() == Operation.Kind.delete && r.status() == Outcome.Status.notFound && settings.resume()
                && journal.isDeleteInFlight(key)) {
                // gone because the cut-off run's DELETE landed: recorded as its delete, which undo pairs with the
                // deleting line holding the position (a notFound line would settle that line as never applied)
                recorded = new Outcome(r.source(), r.user(), r.id(), Outcome.Status.deleted, r.httpStatus(), r.changed(), null, null,
                    null, r.requestId(), null, 0);
            }
            journal.record(key, op.kind(), recorded);
            return r;
        } catch (PosctlException e) {
            brokeJournal(e);
            // a failure is sent again on --resume anyway: it stays a failure, with its own exit code
            return r.isFailure() ? r : r.unrecorded("the journal cannot be written");
        }
    }

    private void brokeJournal(PosctlException e) {
        engine.stop();
        tally.stopped();
        journalBroke = true;
        if (localFailure.compareAndSet(null, e)) {
            output.warn("posctl: stopping: journal " + e.getMessage()
                + "; nothing more is sent, and the operations in flight are reported as unknown");
        }
    }

    /** An outcome settled before sending (one that undo cannot reverse): reported, counted and printed as the others. */
    public void settled(Outcome r, NdjsonAppender report) {
        done(r, report);
    }

    private void done(Outcome r, NdjsonAppender report) {
        tally.add(r.status());
        if (report != null && report.failure() == null) {
            try {
                report.write(r.toReport());
            } catch (PosctlException e) {
                // the results on stdout and the journal go on; the run says so and exits 7
                if (localFailure.compareAndSet(null, e)) {
                    output.warn("posctl: report " + e.getMessage() + "; the results on stdout are complete");
                }
            }
        }
        if (r.isFailure() || r.status() == Outcome.Status.unknown) {
            exitCode.accumulateAndGet(r.exitCode(), Outcome::worse);
        }
        output.outcome(r);
    }

    /** 7 when a local file (journal, report) could not be written, whatever else happened; else the worst failure. */
    public int exitCode() {
        return localFailure.get() != null ? ExitCode.CONFIG : exitCode.get();
    }

    /** Whether the run stopped because its journal could not be written. */
    public boolean stoppedByJournal() {
        return journalBroke;
    }

    /** The first journal or report write that failed, or null. */
    public PosctlException localFailure() {
        return localFailure.get();
    }
}
