package dev.posctl.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs many operations: groups them into chunks, keeps {@code concurrency} chunks in flight, and
 * runs each chunk through the {@link Sequence}, batched (its reads as one {@code $batch}, its writes
 * as another) or, for a chunk of one, request by request. Submitting blocks while the workers are
 * busy, so memory holds a few chunks whatever the input size.
 */
public final class Engine {
    /** @param batchSize operations per chunk: 1 sends every request on its own */
    public record Options(int concurrency, int batchSize, boolean failFast) {}

    /** Called from worker threads as outcomes complete. */
    public interface Listener extends Sequence.Announcer {
        void result(Operation op, Outcome r);

        /**
         * Just before a write is sent, from a worker thread: a moment to record it, so that a run
         * killed before its outcome is known can still be undone. What it throws stops the write.
         */
        @Override
        default void sending(Operation op, Steps.Write write) {}

        /** After the outcomes of one chunk: a moment to flush what was written for them. */
        default void chunkDone() {}
    }

    private final Sequence sequence;
    private final Transport batched;
    private final Transport single;
    private final Options options;
    private final Listener listener;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private List<Operation> chunk = new ArrayList<>();

    public Engine(Sequence sequence, Transport batched, Transport single, Options options, Listener listener) {
        this.sequence = sequence;
        this.batched = batched;
        this.single = single;
        this.options = options;
        this.listener = listener;
        this.workers = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "posctl-send");
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(options.concurrency() * 2);
    }

    /** Takes one more operation; false once the run has stopped taking work. */
    public boolean submit(Operation op) throws InterruptedException {
        if (stopped.get()) {
            return false;
        }
        chunk.add(op);
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
        List<Operation> ops = chunk;
        chunk = new ArrayList<>(options.batchSize());
        slots.acquire();
        workers.execute(() -> {
            try {
                if (!stopped.get()) {
                    List<Outcome> results;
                    try {
                        results = run(ops);
                    } catch (RuntimeException e) {
                        // last resort (the sequence guards each operation): the chunk's operations fail, each with its own line
                        results = new ArrayList<>();
                        for (Operation op : ops) {
                            results.add(Sequence.failed(op, op.id(), e));
                        }
                    }
                    for (int i = 0; i < ops.size(); i++) {
                        report(ops.get(i), results.get(i));
                    }
                    listener.chunkDone();
                }
            } finally {
                slots.release();
            }
        });
    }

    private List<Outcome> run(List<Operation> ops) {
        return sequence.run(ops, ops.size() == 1 || options.batchSize() == 1 ? single : batched, listener);
    }

    private void report(Operation op, Outcome r) {
        if ((r.isFailure() || r.status() == Outcome.Status.unknown) && options.failFast()) {
            stopped.set(true);
        }
        listener.result(op, r);
    }
}
