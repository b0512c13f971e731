package dev.posctl.sandbox;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;

/**
 * Fault injection for the sandbox: throttling (429 + Retry-After), transient errors (503), dropped
 * connections and added latency, so that retry and back-off logic can be tested against a real
 * socket. Decisions come from one seeded generator: the same seed and the same request order give
 * the same faults.
 */
public final class Chaos {
    /** What happens to one request or batch item. */
    enum Fault { NONE, THROTTLE, ERROR, RESET }

    private static final Chaos NONE = new Chaos(0, 0, 0, 0, 0, 1, 0, "none");

    private final double throttle;
    private final double error;
    private final double reset;
    private final long latencyMinMillis;
    private final long latencyMaxMillis;
    private final double retryAfterSeconds;
    private final String spec;
    private final Random random;

    private Chaos(double throttle, double error, double reset, long latencyMin, long latencyMax,
                  double retryAfter, long seed, String spec) {
        this.throttle = throttle;
        this.error = error;
        this.reset = reset;
        this.latencyMinMillis = latencyMin;
        this.latencyMaxMillis = latencyMax;
        this.retryAfterSeconds = retryAfter;
        this.spec = spec;
        this.random = new Random(seed);
    }

    public static Chaos none() {
        return NONE;
    }

    /**
     * Parses {@code throttle=0.2,error=0.05,reset=0.02,latency=50ms,retryAfter=0.2}. Shares are
     * fractions (or percentages such as {@code 20%}) and together may not exceed 1; latency is a
     * duration ({@code 50ms}, {@code 0.1s}, a bare number means ms) or a range {@code 20ms..80ms}.
     * An empty spec or {@code none} means no faults.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static Chaos parse(String spec, long seed) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return new Chaos(0, 0, 0, 0, 0, 1, seed, "none");
        }
        double throttle = 0;
        double error = 0;
        double reset = 0;
        long[] latency = {0, 0};
        double retryAfter = 1;
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("chaos: '" + p + "' is not NAME=VALUE"
                    + " (names: throttle, error, reset, latency, retryAfter)");
            }
            String name = p.substring(0, eq).trim();
            String value = p.substring(eq + 1).trim();
            switch (name.toLowerCase(Locale.ROOT)) {
                case "throttle" -> throttle = share(p, value);
                case "error" -> error = share(p, value);
                case "reset" -> reset = share(p, value);
                case "latency" -> latency = latency(p, value);
                case "retryafter", "retry-after" -> retryAfter = seconds(p, value);
                default -> throw new IllegalArgumentException("chaos: unknown setting '" + name + "' in '" + p
                    + "' (names: throttle, error, reset, latency, retryAfter)");
            }
        }
        if (throttle + error + reset > 1.0 + 1e-9) {
            throw new IllegalArgumentException("chaos: throttle + error + reset add up to more than 1 in '"
                + spec.trim() + "'");
        }
        return new Chaos(throttle, error, reset, latency[0], latency[1], retryAfter, seed, spec.trim());
    }

    private static double share(String part, String value) {
        try {
            double v = value.endsWith("%")
                ? Double.parseDouble(value.substring(0, value.length() - 1).trim()) / 100
                : Double.parseDouble(value);
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("chaos: '" + part + "' must be a share between 0 and 1");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chaos: '" + part + "' must be a share between 0 and 1, such as 0.2 or 20%");
        }
    }

    private static long[] latency(String part, String value) {
        int dots = value.indexOf("..");
        long min = millis(part, dots < 0 ? value : value.substring(0, dots));
        long max = dots < 0 ? min : millis(part, value.substring(dots + 2));
        if (max < min) {
            throw new IllegalArgumentException("chaos: '" + part + "' has a range whose end is below its start");
        }
        return new long[] {min, max};
    }

    private static long millis(String part, String value) {
        double seconds = seconds(part, value.endsWith("ms") || value.endsWith("s") ? value : value + "ms");
        return Math.round(seconds * 1000);
    }

    private static double seconds(String part, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        double scale = 1;
        if (v.endsWith("ms")) {
            v = v.substring(0, v.length() - 2);
            scale = 0.001;
        } else if (v.endsWith("s")) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            double d = Double.parseDouble(v.trim()) * scale;
            if (!(d >= 0 && d <= 3600)) {
                throw new IllegalArgumentException("chaos: '" + part + "' must be between 0 and 3600 seconds");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chaos: '" + part + "' is not a duration such as 50ms, 0.2s or 20ms..80ms");
        }
    }

    public boolean isNone() {
        return throttle == 0 && error == 0 && reset == 0 && latencyMaxMillis == 0;
    }

    public double throttle() {
        return throttle;
    }

    public double error() {
        return error;
    }

    public double reset() {
        return reset;
    }

    public long latencyMinMillis() {
        return latencyMinMillis;
    }

    public long latencyMaxMillis() {
        return latencyMaxMillis;
    }

    public double retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The Retry-After header value: whole seconds as an integer, else the fraction as given. */
    String retryAfterHeader() {
        return BigDecimal.valueOf(retryAfterSeconds).stripTrailingZeros().toPlainString();
    }

    /** The fault of a plain request: one draw, so the shares are exact fractions of all requests. */
    Fault request() {
        if (throttle == 0 && error == 0 && reset == 0) {
            return Fault.NONE;
        }
        double r = next();
        if (r < throttle) {
            return Fault.THROTTLE;
        }
        if (r < throttle + error) {
            return Fault.ERROR;
        }
        return r < throttle + error + reset ? Fault.RESET : Fault.NONE;
    }

    /** The outer request of a $batch can only be dropped; throttling and errors hit its items. */
    Fault batchEnvelope() {
        return reset > 0 && next() < reset ? Fault.RESET : Fault.NONE;
    }

    /** The fault of one batch item: throttle or error only. */
    Fault batchItem() {
        if (throttle == 0 && error == 0) {
            return Fault.NONE;
        }
        double r = next();
        if (r < throttle) {
            return Fault.THROTTLE;
        }
        return r < throttle + error ? Fault.ERROR : Fault.NONE;
    }

    long latencyMillis() {
        if (latencyMaxMillis == latencyMinMillis) {
            return latencyMinMillis;
        }
        synchronized (random) {
            return latencyMinMillis + (long) (random.nextDouble() * (latencyMaxMillis - latencyMinMillis + 1));
        }
    }

    private double next() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    @Override
    public String toString() {
        return spec;
    }
}
