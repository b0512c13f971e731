package dev.posctl.delete;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.api.PositionAnswer;
import dev.posctl.api.PositionService;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.BatchClient;
import dev.posctl.http.GraphError;
import dev.posctl.http.GraphPaths;
import dev.posctl.http.GraphResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends many deletes: chunks of {@code batchSize} go as one {@code $batch} each (DELETE is
 * idempotent, so BatchClient sends throttled or unavailable items again), {@code concurrency}
 * chunks in flight. One target, or a batch size of 1, goes as plain DELETE requests.
 */
public final class BulkDeleter {
    /** @param readFirst GET each position before its DELETE and hand it to {@link Listener#deleting} (for --journal) */
    public record Options(int concurrency, int batchSize, boolean failFast, boolean readFirst) {}

    /** Called from worker threads. */
    public interface Listener {
        /**
         * With readFirst, just before a DELETE is sent: the position as read. What it throws (a
         * journal that cannot be written) fails the chunk's targets unsent.
         */
        default void deleting(DeleteTarget target, JsonNode position) {}

        void result(DeleteResult r);
    }

    private final PositionService service;
    private final BatchClient batch;
    private final Options options;
    private final Listener listener;
    private final AtomicBoolean stopped = new AtomicBoolean();

    public BulkDeleter(PositionService service, BatchClient batch, Options options, Listener listener) {
        this.service = service;
        this.batch = batch;
        this.options = options;
        this.listener = listener;
    }

    /** Stops taking new chunks (Ctrl-C); those in flight complete. */
    public void stop() {
        stopped.set(true);
    }

    public boolean stopped() {
        return stopped.get();
    }

    /** Deletes every target; returns when all sent chunks are answered (or the thread is interrupted). */
    public void run(List<DeleteTarget> targets) throws InterruptedException {
        int size = targets.size() == 1 ? 1 : options.batchSize();
        ExecutorService workers = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "posctl-delete");
            t.setDaemon(true);
            return t;
        });
        Semaphore slots = new Semaphore(options.concurrency());
        try {
            for (int from = 0; from < targets.size() && !stopped.get(); from += size) {
                List<DeleteTarget> chunk = targets.subList(from, Math.min(targets.size(), from + size));
                slots.acquire();
                if (stopped.get()) {
                    slots.release();
                    break;
                }
                workers.execute(() -> {
                    try {
                        chunk(chunk);
                    } finally {
                        slots.release();
                    }
                });
            }
            workers.shutdown();
            while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                // in-flight requests end within their own timeouts
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private void chunk(List<DeleteTarget> chunk) {
        if (stopped.get()) {
            return;
        }
        DeleteResult[] results = new DeleteResult[chunk.size()];
        boolean batched = chunk.size() > 1;
        try {
            List<Integer> sending = new ArrayList<>();
            if (options.readFirst()) {
                read(chunk, batched, results, sending);
            } else {
                for (int i = 0; i < chunk.size(); i++) {
                    sending.add(i);
                }
            }
            if (!sending.isEmpty()) {
                List<GraphResponse> answers;
                if (batched) {
                    List<BatchClient.Item> items = new ArrayList<>();
                    for (int i : sending) {
                        DeleteTarget t = chunk.get(i);
                        items.add(new BatchClient.Item("DELETE", GraphPaths.relativePosition(t.user(), t.id()), null));
                    }
                    answers = batch.execute(items);
                } else {
                    DeleteTarget t = chunk.get(0);
                    answers = List.of(service.deleteAnswer(t.user(), t.id()));
                }
                for (int k = 0; k < sending.size(); k++) {
                    results[sending.get(k)] = outcome(chunk.get(sending.get(k)), answers.get(k));
                }
            }
        } catch (PosctlException e) {
            // the request itself failed (unreachable, a journal that cannot be written): its targets fail with it
            fill(chunk, results, e.getMessage(), e.exitCode());
        } catch (RuntimeException e) {
            fill(chunk, results, "internal error (a bug: please report it)", ExitCode.INTERNAL);
        }
        for (DeleteResult r : results) {
            if (r.isFailure() && options.failFast()) {
                stopped.set(true);
            }
            listener.result(r);
        }
    }

    /**
     * GETs the chunk's positions; those read are handed to the listener and queued for DELETE, the
     * rest get their result here: notFound for a 404, failed for anything else, as a position that
     * cannot be recorded is not deleted.
     */
    private void read(List<DeleteTarget> chunk, boolean batched, DeleteResult[] results, List<Integer> sending) {
        List<GraphResponse> reads;
        if (batched) {
            List<BatchClient.Item> gets = new ArrayList<>();
            chunk.forEach(t -> gets.add(new BatchClient.Item("GET", GraphPaths.relativePosition(t.user(), t.id()), null)));
            reads = batch.execute(gets);
        } else {
            reads = List.of(service.fetch(chunk.get(0).user(), chunk.get(0).id()));
        }
        for (int i = 0; i < chunk.size(); i++) {
            DeleteTarget t = chunk.get(i);
            GraphResponse r = reads.get(i);
            if (!r.ok()) {
                results[i] = outcome(t, r);
                continue;
            }
            String problem = PositionAnswer.problem(r.body());
            if (problem != null) {
                results[i] = DeleteResult.failed(t, r.status(), null, "not deleted: reading it first: " + problem, r.requestId(),
                    ExitCode.REJECTED);
                continue;
            }
            sending.add(i);
        }
        for (int i : sending) {
            listener.deleting(chunk.get(i), reads.get(i).body());
        }
    }

    private static void fill(List<DeleteTarget> chunk, DeleteResult[] results, String error, int exitCode) {
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = DeleteResult.failed(chunk.get(i), 0, null, error, null, exitCode);
            }
        }
    }

    static DeleteResult outcome(DeleteTarget t, GraphResponse r) {
        if (r.ok()) {
            return new DeleteResult(t, DeleteResult.Status.deleted, r.status(), null, null, r.requestId(), ExitCode.OK);
        }
        GraphError e = GraphError.of(r);
        if (r.status() == 404) {
            return new DeleteResult(t, DeleteResult.Status.notFound, 404, e.code(), null, e.requestId(), ExitCode.OK);
        }
        return DeleteResult.failed(t, r.status(), e.code(), dev.posctl.output.TerminalText.escape(e.describe()), e.requestId(),
            PositionService.exitCode(e));
    }
}
