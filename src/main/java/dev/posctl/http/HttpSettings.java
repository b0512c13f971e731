package dev.posctl.http;

import java.time.Duration;

/**
 * How patient the client is.
 *
 * @param retryBudget total time an operation may spend, retries and waits included
 * @param baseDelay   first back-off delay when the server names none; doubles per retry
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxRetries, Duration retryBudget,
                           Duration baseDelay) {

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 5, Duration.ofSeconds(120),
            Duration.ofMillis(500));
    }
}
