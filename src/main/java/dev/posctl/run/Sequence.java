package dev.posctl.run;

import dev.posctl.api.PositionService;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.BatchClient;
import dev.posctl.http.GraphResponse;
import dev.posctl.http.OutcomeUnknown;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The steps of any operation in one order, for a chunk of operations at a time: find each target,
 * read what needs reading, plan, announce each write (the journal records it), send the writes,
 * finish. The transport decides whether the requests go one by one or as one {@code $batch}; the
 * sequence is the same, so one edit and a million take the same path.
 */
public final class Sequence {
    /**
     * @param merge            read a position before updating it, and complete partial complex values (off: send as written)
     * @param showResult       after a 204, read the position back instead of showing the merged state
     * @param current          an update without id addresses the user's current position
     * @param readBeforeDelete read a position whole before deleting it (so that a journal can hold it)
     */
    public record Options(boolean merge, boolean dryRun, boolean showResult, boolean current, boolean readBeforeDelete) {
        public Options(boolean merge, boolean dryRun, boolean showResult, boolean current) {
            this(merge, dryRun, showResult, current, false);
        }

        public Options readingBeforeDelete(boolean read) {
            return new Options(merge, dryRun, showResult, current, read);
        }
    }

    /** Told of each write just before it is sent, from the thread that sends it; what it throws stops that write. */
    public interface Announcer {
        void sending(Operation op, Steps.Write write);
    }

    private final Steps create;
    private final Steps update;
    private final Steps delete;

    /** @param reversal for undo, else null */
    public Sequence(PositionService service, Options options, Reversal reversal) {
        this.create = new CreateSteps(service, options.dryRun(), reversal != null);
        this.update = new UpdateSteps(service, options, reversal);
        this.delete = new DeleteSteps(service, options.readBeforeDelete(), options.dryRun(), reversal);
    }

    private Steps steps(Operation op) {
        switch (op.kind()) {
            case create: return create;
            case delete: return delete;
            default: return update;
        }
    }

    /** One operation on its own, request by request. */
    public Outcome one(Operation op, PositionService service) {
        return run(List.of(op), Transport.single(service.client(), service.paths()), (o, w) -> { }).get(0);
    }

    /** The outcomes of the operations, in their order. */
    public List<Outcome> run(List<Operation> ops, Transport transport, Announcer announcer) {
        Pass pass = pass(ops);
        List<BatchClient.Item> reads = pass.targets();
        if (!reads.isEmpty()) {
            pass.read(transport.execute(reads));
        }
        pass.plan();
        List<BatchClient.Item> writes = pass.announce(announcer);
        if (!writes.isEmpty()) {
            pass.wrote(transport.execute(writes));
        }
        return pass.outcomes();
    }

    /** A chunk to take through the steps a stage at a time, sending its requests as the caller sees fit. */
    Pass pass(List<Operation> ops) {
        return new Pass(ops);
    }

    /**
     * One chunk on its way through the steps. Its stages are apart so that the {@link Engine} can
     * hold a request slot only while a request is out, and plan or report with none held.
     */
    final class Pass {
        private final List<Operation> ops;
        private final Outcome[] out;
        private final Steps.Target[] targets;
        private final GraphResponse[] reads;
        private final List<Integer> reading = new ArrayList<>();
        private final List<Integer> writing = new ArrayList<>();
        private final List<Steps.Write> writes = new ArrayList<>();

        private Pass(List<Operation> ops) {
            this.ops = ops;
            this.out = new Outcome[ops.size()];
            this.targets = new Steps.Target[ops.size()];
            this.reads = new GraphResponse[ops.size()];
        }

        /** Finds each target (which may take a request of its own, for --current) and says what to read. */
        List<BatchClient.Item> targets() {
            List<BatchClient.Item> gets = new ArrayList<>();
            for (int k = 0; k < ops.size(); k++) {
                Operation op = ops.get(k);
                try {
                    targets[k] = steps(op).target(op);
                } catch (RuntimeException e) {
                    out[k] = failed(op, op.id(), e);
                    continue;
                }
                String url = steps(op).readUrl(targets[k]);
                if (url != null) {
                    reading.add(k);
                    gets.add(new BatchClient.Item("GET", url, null));
                }
            }
            return gets;
        }

        /** The answers to {@link #targets()}' reads, in their order. */
        void read(List<Transport.Answer> answers) {
            for (int i = 0; i < reading.size(); i++) {
                int k = reading.get(i);
                Transport.Answer a = answers.get(i);
                if (a.error() != null) {
                    out[k] = failed(ops.get(k), targets[k].id(), a.error());
                } else {
                    reads[k] = a.response();
                }
            }
        }

        /** Plans each operation: an outcome already, or a write for {@link #announce}. */
        void plan() {
            for (int k = 0; k < ops.size(); k++) {
                if (out[k] != null) {
                    continue;
                }
                Operation op = ops.get(k);
                try {
                    Steps.Plan plan = steps(op).plan(targets[k], reads[k]);
                    if (plan.done() != null) {
                        out[k] = plan.done();
                    } else {
                        writing.add(k);
                        writes.add(plan.write());
                    }
                } catch (RuntimeException e) {
                    out[k] = failed(op, targets[k].id(), e);
                }
            }
        }

        /**
         * Announces each planned write (the journal records it) just before it is sent, and says what
         * to send: a write whose announcement fails is not sent, and fails.
         */
        List<BatchClient.Item> announce(Announcer announcer) {
            List<BatchClient.Item> items = new ArrayList<>(writes.size());
            for (int i = 0; i < writes.size(); i++) {
                int k = writing.get(i);
                Steps.Write w = writes.get(i);
                try {
                    announcer.sending(ops.get(k), w);
                    items.add(new BatchClient.Item(w.method(), w.url(), w.body()));
                } catch (RuntimeException e) {
                    out[k] = failed(ops.get(k), w.target().id(), e);
                    writing.remove(i);
                    writes.remove(i);
                    i--;
                }
            }
            return items;
        }

        /** Whether {@link #plan} left writes to send. */
        boolean writes() {
            return !writes.isEmpty();
        }

        /** The answers to {@link #announce}'s writes, in their order. */
        void wrote(List<Transport.Answer> answers) {
            for (int i = 0; i < writes.size(); i++) {
                int k = writing.get(i);
                Operation op = ops.get(k);
                Steps.Write w = writes.get(i);
                Transport.Answer a = answers.get(i);
                try {
                    out[k] = a.error() != null ? unanswered(op, w, a.error()) : steps(op).finish(w, a.response());
                } catch (RuntimeException e) {
                    out[k] = failed(op, w.target().id(), e);
                }
            }
        }

        /** The outcomes, in the order of the operations. */
        List<Outcome> outcomes() {
            return Arrays.asList(out);
        }
    }

    /** A write with no answer: a create that may have been made is unknown; anything else failed (and is safe to send again). */
    private static Outcome unanswered(Operation op, Steps.Write w, PosctlException e) {
        if (op.kind() == Operation.Kind.create && e instanceof OutcomeUnknown) {
            return CreateSteps.unknown(w, e.getMessage(), 0, null);
        }
        return failed(op, w.target().id(), e);
    }

    /** A bug in one operation's step fails that operation, with a line that says so, and not the run. */
    static Outcome failed(Operation op, String id, RuntimeException e) {
        if (e instanceof PosctlException) {
            return Outcome.failed(op.edit(), id, (PosctlException) e);
        }
        return Outcome.failed(op.location(), op.user(), id, 0, null,
            // not e's message: the JDK's header check, for one, quotes the header value
            "internal error (a bug: please report it)", null, ExitCode.INTERNAL);
    }
}
