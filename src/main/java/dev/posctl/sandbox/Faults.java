package dev.posctl.sandbox;

import java.util.Map;

/** The Graph errors that chaos injects, shaped like the real service's. */
final class Faults {
    private Faults() {}

    static GraphException throttled(Chaos chaos) {
        return new GraphException(429, "TooManyRequests",
            "Too many requests. Retry after the time in the Retry-After header (sandbox fault injection).",
            Map.of("Retry-After", chaos.retryAfterHeader()));
    }

    static GraphException unavailable() {
        return new GraphException(503, "ServiceUnavailable",
            "The service is temporarily unavailable (sandbox fault injection). Retry later.");
    }
}
