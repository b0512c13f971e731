package dev.posctl.http;

import java.net.URI;
import java.util.Locale;

/**
 * The one rule for "this URL stays on this machine", which lets a token or secret go over plain
 * http: an IPv4 literal in 127.0.0.0/8 (dotted decimal, four parts), the IPv6 loopback literal in
 * any spelling, or the name {@code localhost}. Decided on the parsed URI's host and never by
 * resolving a name: {@code 127.attacker.example} is a name anyone can point anywhere.
 */
public final class Loopback {
    private Loopback() {}

    public static boolean isLoopback(URI uri) {
        return uri != null && isLoopbackHost(uri.getHost());
    }

    /** @param host a URI host: a name, a dotted IPv4 literal, or a bracketed (or bare) IPv6 literal */
    public static boolean isLoopbackHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") && host.length() > 2 ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        return h.indexOf(':') >= 0 ? isIpv6Loopback(h) : isIpv4Loopback(h);
    }

    /** Strict dotted decimal: hex (0x7f.1), octal-looking, short (127.1) or trailing-dot forms are names, not loopback. */
    private static boolean isIpv4Loopback(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                || (p.length() > 1 && p.charAt(0) == '0') || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return parts[0].equals("127");
    }

    /** ::1 in any spelling (0:0:0:0:0:0:0:1, 0::1, 0000::0001); a zone id (%lo) is not accepted. */
    private static boolean isIpv6Loopback(String h) {
        String s = h.toLowerCase(Locale.ROOT);
        if (!s.chars().allMatch(c -> c == ':' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] head;
        String[] tail;
        if (gap >= 0) {
            head = groups(s.substring(0, gap));
            tail = groups(s.substring(gap + 2));
            // "1::" puts the written groups first and zeros last
            if (head == null || tail == null || tail.length == 0 || head.length + tail.length > 7) {
                return false;
            }
        } else {
            head = groups(s);
            tail = new String[0];
            if (head == null || head.length != 8) {
                return false;
            }
        }
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        if (all.length == 0) {
            return false;
        }
        for (int i = 0; i < all.length - 1; i++) {
            if (Integer.parseInt(all[i], 16) != 0) {
                return false;
            }
        }
        // with "::" the last group written is the last of the eight
        return Integer.parseInt(all[all.length - 1], 16) == 1;
    }

    /** The colon-separated groups, each 1 to 4 hex digits; null when one is empty or too long. */
    private static String[] groups(String s) {
        if (s.isEmpty()) {
            return new String[0];
        }
        String[] g = s.split(":", -1);
        for (String x : g) {
            if (x.isEmpty() || x.length() > 4) {
                return null;
            }
        }
        return g;
    }
}
