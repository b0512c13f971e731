package dev.posctl.delete;

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
    public record Options(int concurrency, int batchSize, boolean failFast) {}

    /** Called from worker threads. */
    public interface Listener {
        /** Before a chunk is sent; what it throws fails the chunk's targets unsent. */
        default void sending(List<DeleteTarget> chunk) {}

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
        List<DeleteResult> results = new ArrayList<>();
        try {
            listener.sending(chunk);
            if (chunk.size() == 1) {
                DeleteTarget t = chunk.get(0);
                results.add(outcome(t, service.deleteAnswer(t.user(), t.id())));
            } else {
                List<BatchClient.Item> items = new ArrayList<>();
                for (DeleteTarget t : chunk) {
                    items.add(new BatchClient.Item("DELETE", GraphPaths.relativePosition(t.user(), t.id()), null));
                }
                List<GraphResponse> answers = batch.execute(items);
                for (int i = 0; i < chunk.size(); i++) {
                    results.add(outcome(chunk.get(i), answers.get(i)));
                }
            }
        } catch (PosctlException e) {
            // the request itself failed (unreachable, a journal that cannot be written): its targets fail with it
            for (DeleteTarget t : chunk.subList(results.size(), chunk.size())) {
                results.add(DeleteResult.failed(t, 0, null, e.getMessage(), null, e.exitCode()));
            }
        } catch (RuntimeException e) {
            for (DeleteTarget t : chunk.subList(results.size(), chunk.size())) {
                results.add(DeleteResult.failed(t, 0, null, "internal error (a bug: please report it)", null, ExitCode.INTERNAL));
            }
        }
        for (DeleteResult r : results) {
            if (r.isFailure() && options.failFast()) {
                stopped.set(true);
            }
            listener.result(r);
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
