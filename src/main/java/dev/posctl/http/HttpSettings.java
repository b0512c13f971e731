package dev.posctl.http;

import java.time.Duration;

/**
 * How patient the client is, and how much it reads.
 *
 * @param requestTimeout   time one exchange may take, the whole response body included
 * @param retryBudget      total time an operation may spend, retries and waits included
 * @param baseDelay        first back-off delay when the server names none; doubles per retry
 * @param maxResponseBytes the largest response body read; a larger one fails the request
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxRetries, Duration retryBudget,
                           Duration baseDelay, long maxResponseBytes) {
    /** Far above any real Graph answer (a page of positions is kilobytes, a full $batch well under 4 MiB). */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;

    public HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxRetries, Duration retryBudget, Duration baseDelay) {
        this(connectTimeout, requestTimeout, maxRetries, retryBudget, baseDelay, DEFAULT_MAX_RESPONSE_BYTES);
    }

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 5, Duration.ofSeconds(120),
            Duration.ofMillis(500));
    }
}
