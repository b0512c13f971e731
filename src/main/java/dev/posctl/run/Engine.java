package dev.posctl.run;

import dev.posctl.http.BatchClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs many operations: groups them into chunks and runs each through the {@link Sequence},
 * batched (its reads as one {@code $batch}, its writes as another) or, for a chunk of one, request
 * by request. Requests, not chunks, are what {@code concurrency} counts ({@link RequestSlots}): a
 * chunk holds a slot only while its reads or its writes are out, so while one chunk plans, journals
 * or reports, another's request takes the slot, and the reads of the next chunks are out while
 * this one's writes are. Submitting blocks while enough chunks are taken, so memory holds a few
 * chunks whatever the input size.
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
    private final RequestSlots slots;
    /**
     * A thread per chunk between its stages: twice the slots, so that a ready request waits for every
     * slot that frees; one for a concurrency of one, which keeps the operations in the input's order.
     */
    private final ThreadPoolExecutor workers;
    /** Chunks taken and not yet done: one for each worker, and one waiting for each slot. */
    private final Semaphore room;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Chunks handed to the workers and not yet done (guarded by itself). */
    private final int[] active = new int[1];
    private volatile boolean ending;
    private List<Operation> chunk = new ArrayList<>();

    public Engine(Sequence sequence, Transport batched, Transport single, Options options, Listener listener) {
        this.sequence = sequence;
        this.batched = batched;
        this.single = single;
        this.options = options;
        this.listener = listener;
        this.slots = new RequestSlots(options.concurrency());
        int threads = options.concurrency() == 1 ? 1 : options.concurrency() * 2;
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "posctl-send");
            t.setDaemon(true);
            return t;
        });
        this.room = new Semaphore(options.concurrency() * 3);
    }

    /** Takes one more operation; false once the run has stopped taking work. */
    public boolean submit(Operation op) throws InterruptedException {
        if (stopped.get()) {
            return false;
        }
        // a full chunk goes when the next operation comes: the last one then goes from finish, which may split it
        if (chunk.size() >= options.batchSize()) {
            List<Operation> ops = chunk;
            chunk = new ArrayList<>(options.batchSize());
            room.acquire();
            dispatch(ops, true);
        }
        chunk.add(op);
        return true;
    }

    /** Sends what is left and waits for everything in flight. */
    public void finish() throws InterruptedException {
        ending = true;
        slots.readsFirst();
        if (!chunk.isEmpty() && !stopped.get()) {
            room.acquire();
            dispatch(chunk, true);
            chunk = new ArrayList<>();
        }
        synchronized (active) {
            while (active[0] > 0) {
                // in-flight requests finish within their own timeouts
                active.wait();
            }
        }
        workers.shutdown();
    }

    /** Stops taking new work; what is in flight completes. */
    public void stop() {
        stopped.set(true);
    }

    public boolean stopped() {
        return stopped.get();
    }

    /** @param holdsRoom the chunk took a place in {@link #room}, given back when it is done; a part of a split chunk holds none, and is not split again */
    private void dispatch(List<Operation> ops, boolean holdsRoom) {
        synchronized (active) {
            active[0]++;
        }
        workers.execute(() -> {
            try {
                if (!stopped.get()) {
                    go(holdsRoom ? split(ops) : ops);
                }
            } finally {
                if (holdsRoom) {
                    room.release();
                }
                synchronized (active) {
                    active[0]--;
                    active.notifyAll();
                }
            }
        });
    }

    /**
     * At the end of the input, slots that no request would take share this chunk: the run does not
     * end waiting on one full batch while they idle. Parts keep two operations at least, a batch.
     */
    private List<Operation> split(List<Operation> ops) {
        if (!ending || ops.size() < 4) {
            return ops;
        }
        int parts = Math.min(ops.size() / 2, slots.spare() - workers.getQueue().size());
        if (parts < 2) {
            return ops;
        }
        for (int k = 1; k < parts; k++) {
            dispatch(new ArrayList<>(ops.subList(k * ops.size() / parts, (k + 1) * ops.size() / parts)), false);
        }
        return ops.subList(0, ops.size() / parts);
    }

    /** One chunk, holding a slot only while a request of its own is out. */
    private void go(List<Operation> ops) {
        Transport transport = ops.size() == 1 || options.batchSize() == 1 ? single : batched;
        Sequence.Pass pass = sequence.pass(ops);
        List<Outcome> results;
        try {
            slots.acquire(false);
            try {
                if (stopped.get()) {
                    return;  // stopped while this chunk waited: none of it was sent
                }
                List<BatchClient.Item> reads = pass.targets();
                if (!reads.isEmpty()) {
                    pass.read(transport.execute(reads));
                }
            } finally {
                slots.release();
            }
            pass.plan();
            if (pass.writes()) {
                slots.acquire(true);
                try {
                    if (stopped.get()) {
                        return;  // stopped before its writes were announced: none of them is sent
                    }
                    // announced (journaled) only now, so that a write is recorded as sending only when it is
                    List<BatchClient.Item> writes = pass.announce(listener);
                    if (!writes.isEmpty()) {
                        pass.wrote(transport.execute(writes));
                    }
                } finally {
                    slots.release();
                }
            }
            results = pass.outcomes();
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

    private void report(Operation op, Outcome r) {
        if ((r.isFailure() || r.status() == Outcome.Status.unknown) && options.failFast()) {
            stopped.set(true);
        }
        listener.result(op, r);
    }
}
