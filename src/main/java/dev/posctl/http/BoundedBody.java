package dev.posctl.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body read into memory, up to a size limit and a deadline. HttpRequest.timeout ends
 * when the headers arrive, so without this a server could drip a body for ever; and a body read
 * whole could be as large as the server likes. Either way the subscription is cancelled (the
 * connection is dropped) and the exchange fails with {@link TooLarge} or an HttpTimeoutException.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The answer was larger than the limit; carried as the cause of the IOException send throws. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the answer is larger than " + Sizes.show(limit));
        }
    }

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long limit;
    private final long deadlineNanos;
    private final ScheduledExecutorService watchdog;
    private volatile Flow.Subscription subscription;
    private ScheduledFuture<?> alarm;
    private byte[] buffer;
    private int size;
    private IOException failure;

    /**
     * @param announced     the Content-Length, or -1 when the server named none
     * @param deadlineNanos System.nanoTime() by which the whole body must have arrived
     */
    BoundedBody(long limit, long announced, long deadlineNanos, ScheduledExecutorService watchdog) {
        this.limit = limit;
        this.deadlineNanos = deadlineNanos;
        this.watchdog = watchdog;
        // a Content-Length within the limit sizes the buffer once; otherwise grow from a small start
        this.buffer = new byte[announced >= 0 && announced <= limit ? (int) announced : 8192];
    }

    /** A handler that gives every response of one exchange a bounded body. */
    public static HttpResponse.BodyHandler<byte[]> handler(long limit, long deadlineNanos, ScheduledExecutorService watchdog) {
        return info -> new BoundedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1), deadlineNanos, watchdog);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            fail(new HttpTimeoutException("request timed out"));
            return;
        }
        synchronized (this) {
            alarm = watchdog.schedule(() -> fail(new HttpTimeoutException("request timed out")), left, TimeUnit.NANOSECONDS);
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                int n = b.remaining();
                if ((long) size + n > limit) {
                    failLocked(new TooLarge(limit));
                    return;
                }
                if (size + n > buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max((long) buffer.length * 2, (long) size + n)));
                }
                b.get(buffer, size, n);
                size += n;
            }
        }
    }

    @Override
    public void onError(Throwable t) {
        synchronized (this) {
            stopAlarm();
            result.completeExceptionally(failure != null ? failure : t);
        }
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            stopAlarm();
            // after a failure the buffer is gone and the answer already decided
            if (!result.isDone()) {
                result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
            }
        }
    }

    private void fail(IOException e) {
        synchronized (this) {
            failLocked(e);
        }
    }

    private void failLocked(IOException e) {
        stopAlarm();
        if (result.isDone()) {
            return;
        }
        // the connection is dropped before the caller learns of the failure and goes on; should the
        // cancel report an error of its own, onError keeps this one
        failure = e;
        buffer = null;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(e);
    }

    private void stopAlarm() {
        if (alarm != null) {
            alarm.cancel(false);
        }
    }
}
