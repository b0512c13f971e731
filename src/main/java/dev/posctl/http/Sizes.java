package dev.posctl.http;

import java.util.Locale;

/** Byte counts as people write them: 64M, 512K, 1G, or a plain number of bytes. */
public final class Sizes {
    private static final long MAX = 1L << 31;

    private Sizes() {}

    /**
     * The number of bytes, from 1 to 2 GiB (a body is read into one array).
     *
     * @throws IllegalArgumentException with a message for people when the text is not such a size
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        long unit = 1;
        if (!t.isEmpty() && "KMG".indexOf(t.charAt(t.length() - 1)) >= 0) {
            unit = 1L << (10 * ("KMG".indexOf(t.charAt(t.length() - 1)) + 1));
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || t.length() > 12 || !t.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + text + "' is not a size (such as 64M, 512K, 1G or a number of bytes)");
        }
        long n = Long.parseLong(t);
        if (n < 1 || n > MAX / unit) {
            throw new IllegalArgumentException("'" + text + "' is out of range (1 byte to 2G)");
        }
        return Math.min(n * unit, Integer.MAX_VALUE - 8);
    }

    /** 64 MiB, 1.5 KiB or 100 bytes. */
    public static String show(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " bytes" : (v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }
}
