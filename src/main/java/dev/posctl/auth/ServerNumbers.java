package dev.posctl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Numbers in identity platform answers and token claims, which are untrusted: 1e400, -5, "soon"
 * or 2^70 must give a clear message or a bounded wait, never an overflow deep in java.time.
 */
final class ServerNumbers {
    /** Seconds since the epoch that java.time and the user can both handle: up to the year 9999. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private ServerNumbers() {}

    /** The value as a double (numbers, or numeric text as some endpoints send), NaN when it is none. */
    static double number(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText().trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** Whole seconds clamped to [min, max] (1e400 is max); {@code fallback} when the value is no number. */
    static long seconds(JsonNode n, long fallback, long min, long max) {
        double d = number(n);
        if (Double.isNaN(d)) {
            return fallback;
        }
        return (long) Math.max(min, Math.min(max, Math.ceil(d)));
    }

    /** An epoch-second claim such as exp or nbf as a usable time, or null when it is none. */
    static Instant epochSecond(JsonNode n) {
        double d = number(n);
        if (Double.isNaN(d) || d < 0 || d > MAX_EPOCH_SECOND) {
            return null;
        }
        return Instant.ofEpochSecond((long) d);
    }
}
