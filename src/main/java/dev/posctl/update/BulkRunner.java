package dev.posctl.update;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.BatchClient;
import dev.posctl.http.GraphResponse;
import dev.posctl.input.Edit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Sends many edits: groups them into chunks, keeps {@code concurrency} chunks in flight, and with
 * batching does each chunk's reads and writes as one {@code $batch} each. Submitting blocks while
 * the workers are busy, so memory holds a few chunks whatever the input size.
 */
public final class BulkRunner {
    /** @param batchSize edits per chunk: 1 sends every request on its own */
    public record Options(int concurrency, int batchSize, boolean failFast) {}

    /** Called from worker threads as results complete. */
    public interface Listener {
        void result(Edit edit, UpdateResult r);

        /**
         * Just before a write is sent, from a worker thread: a moment to record it, so that a run
         * killed before its outcome is known can still be undone. What it throws stops the write.
         */
        default void sending(Edit edit, Updater.Patch patch) {}

        /** After the results of one chunk: a moment to flush what was written for them. */
        default void chunkDone() {}
    }

    private final Updater updater;
    private final BatchClient batch;
    private final Options options;
    private final Listener listener;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private List<Edit> chunk = new ArrayList<>();

    public BulkRunner(Updater updater, BatchClient batch, Options options, Listener listener) {
        this.updater = updater;
        this.batch = batch;
        this.options = options;
        this.listener = listener;
        this.workers = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "posctl-send");
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(options.concurrency() * 2);
    }

    /** Takes one more edit; false once the run has stopped taking work. */
    public boolean submit(Edit edit) throws InterruptedException {
        if (stopped.get()) {
            return false;
        }
        chunk.add(edit);
        if (chunk.size() >= options.batchSize()) {
            dispatch();
        }
        return true;
    }

    /** Sends what is left and waits for everything in flight. */
    public void finish() throws InterruptedException {
        if (!chunk.isEmpty() && !stopped.get()) {
            dispatch();
        }
        workers.shutdown();
        while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
            // in-flight requests finish within their own timeouts
        }
    }

    /** Stops taking new work; what is in flight completes. */
    public void stop() {
        stopped.set(true);
    }

    public boolean stopped() {
        return stopped.get();
    }

    private void dispatch() throws InterruptedException {
        List<Edit> edits = chunk;
        chunk = new ArrayList<>(options.batchSize());
        slots.acquire();
        workers.execute(() -> {
            try {
                if (!stopped.get()) {
                    List<UpdateResult> results;
                    try {
                        results = run(edits);
                    } catch (RuntimeException e) {
                        // last resort (the steps guard each edit): the chunk's edits fail, each with its own line
                        results = new ArrayList<>();
                        for (Edit edit : edits) {
                            results.add(bug(edit, e));
                        }
                    }
                    for (int i = 0; i < edits.size(); i++) {
                        report(edits.get(i), results.get(i));
                    }
                    listener.chunkDone();
                }
            } finally {
                slots.release();
            }
        });
    }

    /** The results of a chunk, in the order of its edits. */
    private List<UpdateResult> run(List<Edit> edits) {
        List<UpdateResult> results = new ArrayList<>(edits.size());
        if (edits.size() == 1 || options.batchSize() == 1) {
            for (Edit e : edits) {
                results.add(guarded(e, () -> updater.apply(e, p -> listener.sending(e, p))));
            }
            return results;
        }
        // slots of edits whose target failed are filled at once; the rest by index into targets
        UpdateResult[] byEdit = new UpdateResult[edits.size()];
        List<Updater.Target> targets = new ArrayList<>();
        List<Integer> targetEdit = new ArrayList<>();
        for (int k = 0; k < edits.size(); k++) {
            Edit e = edits.get(k);
            try {
                targets.add(updater.target(e));
                targetEdit.add(k);
            } catch (PosctlException ex) {
                byEdit[k] = Updater.failed(e, e.id(), ex);
            }
        }
        UpdateResult[] out = new UpdateResult[targets.size()];
        try {
            List<GraphResponse> reads = null;
            if (updater.options().merge() && !targets.isEmpty()) {
                List<BatchClient.Item> gets = new ArrayList<>();
                List<Integer> unread = new ArrayList<>();
                reads = new ArrayList<>();
                for (int i = 0; i < targets.size(); i++) {
                    Updater.Target t = targets.get(i);
                    reads.add(t.read());
                    if (t.read() == null) {
                        unread.add(i);
                        gets.add(new BatchClient.Item("GET", updater.readUrl(t), null));
                    }
                }
                if (!gets.isEmpty()) {
                    List<GraphResponse> got = batch.execute(gets);
                    for (int k = 0; k < got.size(); k++) {
                        reads.set(unread.get(k), got.get(k));
                    }
                }
            }
            List<Integer> patching = new ArrayList<>();
            List<Updater.Patch> patches = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                Updater.Plan plan;
                try {
                    plan = updater.plan(targets.get(i), reads == null ? null : reads.get(i));
                } catch (RuntimeException e) {
                    plan = new Updater.Plan(bug(targets.get(i).edit(), e), null);
                }
                if (plan.done() != null) {
                    out[i] = plan.done();
                } else {
                    patching.add(i);
                    patches.add(plan.patch());
                }
            }
            if (!patches.isEmpty()) {
                List<BatchClient.Item> writes = new ArrayList<>();
                patches.forEach(p -> writes.add(new BatchClient.Item("PATCH", p.url(), p.body())));
                patches.forEach(p -> listener.sending(p.target().edit(), p));
                List<GraphResponse> written = batch.execute(writes);
                for (int k = 0; k < patches.size(); k++) {
                    Updater.Patch p = patches.get(k);
                    GraphResponse w = written.get(k);
                    out[patching.get(k)] = guarded(p.target().edit(), () -> updater.finish(p, w));
                }
            }
        } catch (PosctlException ex) {
            // the batch itself failed (unreachable, interrupted): every edit without an answer fails with it
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) {
                    out[i] = Updater.failed(targets.get(i).edit(), targets.get(i).id(), ex);
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            byEdit[targetEdit.get(i)] = out[i];
        }
        results.addAll(Arrays.asList(byEdit));
        return results;
    }

    /** A bug in one edit's step fails that edit, with a line that says so, and not the run. */
    private static UpdateResult guarded(Edit e, Supplier<UpdateResult> step) {
        try {
            return step.get();
        } catch (RuntimeException ex) {
            return bug(e, ex);
        }
    }

    private static UpdateResult bug(Edit e, RuntimeException ex) {
        if (ex instanceof PosctlException) {
            return Updater.failed(e, e.id(), (PosctlException) ex);
        }
        return UpdateResult.failed(e.location(), e.userId(), e.id(), 0, null,
            // not ex's message: the JDK's header check, for one, quotes the header value
            "internal error (a bug: please report it)", null, ExitCode.INTERNAL);
    }

    private void report(Edit edit, UpdateResult r) {
        if (r.isFailure() && options.failFast()) {
            stopped.set(true);
        }
        listener.result(edit, r);
    }
}
