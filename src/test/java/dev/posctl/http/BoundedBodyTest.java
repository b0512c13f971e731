package dev.posctl.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The body subscriber's own rules, including what the client may still deliver after it gave up. */
class BoundedBodyTest {
    final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1);
    final AtomicBoolean cancelled = new AtomicBoolean();
    final Flow.Subscription subscription = new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    };

    @AfterEach
    void stop() {
        watchdog.shutdownNow();
    }

    @Test
    void overTheLimitCancelsAndALateCompletionChangesNothing() {
        BoundedBody body = new BoundedBody(4, -1, System.nanoTime() + 5_000_000_000L, watchdog);
        body.onSubscribe(subscription);
        body.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2, 3}), ByteBuffer.wrap(new byte[] {4, 5})));
        body.onNext(List.of(ByteBuffer.wrap(new byte[] {6})));
        body.onComplete();
        assertTrue(cancelled.get());
        ExecutionException e = assertThrows(ExecutionException.class, () -> body.getBody().toCompletableFuture().get());
        assertInstanceOf(BoundedBody.TooLarge.class, e.getCause());
    }

    @Test
    void withinTheLimitTheBytesArriveWhole() throws Exception {
        BoundedBody body = new BoundedBody(4, 4, System.nanoTime() + 5_000_000_000L, watchdog);
        body.onSubscribe(subscription);
        body.onNext(List.of(ByteBuffer.wrap(new byte[] {1, 2}), ByteBuffer.wrap(new byte[] {3, 4})));
        body.onComplete();
        assertArrayEquals(new byte[] {1, 2, 3, 4}, body.getBody().toCompletableFuture().get());
    }

    @Test
    void theDeadlineEndsABodyThatStopsComing() {
        BoundedBody body = new BoundedBody(100, -1, System.nanoTime() + 200_000_000L, watchdog);
        body.onSubscribe(subscription);
        body.onNext(List.of(ByteBuffer.wrap(new byte[] {1})));
        ExecutionException e = assertThrows(ExecutionException.class, () -> body.getBody().toCompletableFuture().get());
        assertInstanceOf(java.net.http.HttpTimeoutException.class, e.getCause());
        assertTrue(cancelled.get());
    }
}
