package dev.posctl.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.api.PositionService;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.BatchClient;
import dev.posctl.http.GraphPaths;
import dev.posctl.http.GraphResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads many users' positions: groups users by 20 into one {@code $batch} of list requests, keeps
 * {@code concurrency} batches in flight, follows each user's nextLinks, and hands the user
 * documents to the sink in the order the users came. Submitting blocks once that many batches
 * wait, so memory holds a few batches whatever the number of users.
 */
public final class Exporter {
    /** Told on the submitting thread, in the users' order. */
    public interface Listener {
        void exported(String userId, int positions);

        void failed(String userId, PosctlException e);
    }

    private record Outcome(String userId, List<JsonNode> positions, PosctlException failure) {}

    private final PositionService service;
    private final BatchClient batch;
    private final int concurrency;
    private final DocumentSink sink;
    private final Listener listener;
    private final ExecutorService workers;
    private final Deque<Future<List<Outcome>>> inFlight = new ArrayDeque<>();
    private List<String> chunk = new ArrayList<>();
    /** Set by a signal handler's thread: the submitting thread must see it at once. */
    private volatile boolean stopped;
    private long notExported;

    public Exporter(PositionService service, BatchClient batch, int concurrency, DocumentSink sink, Listener listener) {
        this.service = service;
        this.batch = batch;
        this.concurrency = concurrency;
        this.sink = sink;
        this.listener = listener;
        this.workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "posctl-export");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a user; once stopped, counts the user as not exported instead. */
    public void submit(String userId) throws InterruptedException {
        if (stopped) {
            notExported++;
            return;
        }
        chunk.add(userId);
        if (chunk.size() >= BatchClient.MAX_ITEMS) {
            dispatch();
        }
    }

    /**
     * Takes no new users from now on (Ctrl-C): batches already sent are read to the end and written
     * by {@link #finish}, so the output ends after a whole user document. Any thread may call it.
     */
    public void stop() {
        stopped = true;
    }

    public boolean stopped() {
        return stopped;
    }

    /** Users submitted but never read, because {@link #stop} came first. */
    public long notExported() {
        return notExported;
    }

    /** Reads what is left and writes everything, in order. */
    public void finish() throws InterruptedException {
        try {
            if (!chunk.isEmpty()) {
                dispatch();
            }
            while (!inFlight.isEmpty()) {
                drainOne();
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** Stops at once: batches in flight are abandoned, nothing more is written. */
    public void abort() {
        inFlight.forEach(f -> f.cancel(true));
        workers.shutdownNow();
    }

    private void dispatch() throws InterruptedException {
        List<String> users = chunk;
        chunk = new ArrayList<>(BatchClient.MAX_ITEMS);
        if (stopped) {
            notExported += users.size();
            return;
        }
        inFlight.add(workers.submit(() -> read(users)));
        while (inFlight.size() > concurrency) {
            drainOne();
        }
    }

    private void drainOne() throws InterruptedException {
        List<Outcome> outcomes;
        try {
            outcomes = inFlight.poll().get();
        } catch (ExecutionException e) {
            // read() fails each user on its own; an escape here is a bug
            throw new IllegalStateException("export batch failed", e.getCause());
        }
        for (Outcome o : outcomes) {
            if (o.failure() != null) {
                listener.failed(o.userId(), o.failure());
            } else {
                sink.write(o.userId(), UserDocument.of(o.userId(), o.positions()));
                listener.exported(o.userId(), o.positions().size());
            }
        }
    }

    /** One batch of users: each gets its positions or its own failure. */
    private List<Outcome> read(List<String> users) {
        List<Outcome> out = new ArrayList<>(users.size());
        List<GraphResponse> firsts;
        try {
            if (users.size() == 1) {
                firsts = List.of(service.client().get(service.paths().positions(users.get(0))));
            } else {
                List<BatchClient.Item> items = new ArrayList<>(users.size());
                users.forEach(u -> items.add(new BatchClient.Item("GET", GraphPaths.relativePositions(u), null)));
                firsts = batch.execute(items);
            }
        } catch (PosctlException e) {
            users.forEach(u -> out.add(new Outcome(u, null, e)));
            return out;
        }
        for (int i = 0; i < users.size(); i++) {
            String u = users.get(i);
            try {
                out.add(new Outcome(u, service.list(u, firsts.get(i)), null));
            } catch (PosctlException e) {
                out.add(new Outcome(u, null, e));
            } catch (RuntimeException e) {
                out.add(new Outcome(u, null, new PosctlException(ExitCode.INTERNAL, "list positions of " + u
                    + ": internal error (a bug: please report it)")));
            }
        }
        return out;
    }
}
