package dev.posctl.http;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * A timeout as people write it: a plain decimal number of seconds from 0.001 to 86400. Not
 * Double.parseDouble, which takes NaN, Infinity, 1e16 and 0x1p3 and turns them into durations the
 * HTTP client rejects with an internal error or waits on for ever.
 */
public final class Seconds {
    public static final long MAX = 86_400;

    private Seconds() {}

    /** @throws IllegalArgumentException with a message for people */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("[0-9]{1,6}(\\.[0-9]{1,9})?|\\.[0-9]{1,9}")) {
            throw new IllegalArgumentException("'" + text + "' is not a number of seconds (such as 30 or 2.5)");
        }
        BigDecimal s = new BigDecimal(t);
        if (s.compareTo(new BigDecimal("0.001")) < 0 || s.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            throw new IllegalArgumentException("'" + text + "' is out of range (0.001 to " + MAX + " seconds)");
        }
        return Duration.ofMillis(s.movePointRight(3).longValue());
    }
}
