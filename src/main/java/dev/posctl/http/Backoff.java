package dev.posctl.http;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter, for retries the server gave no Retry-After for. */
final class Backoff {
    private static final long CAP_MILLIS = 30_000;

    private Backoff() {}

    /** Half the doubled base delay plus a random part of the other half: retries spread out. */
    static Duration delay(HttpSettings settings, int attempt) {
        long base = settings.baseDelay().toMillis() << Math.min(attempt - 1, 10);
        long capped = Math.min(base, CAP_MILLIS);
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PosctlException(ExitCode.INTERRUPTED, "interrupted", e);
        }
    }
}
