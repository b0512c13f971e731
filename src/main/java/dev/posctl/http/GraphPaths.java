package dev.posctl.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The URLs of the positions API. Ids are percent-encoded as single path segments, so no id (with
 * '/', '?', '#', '..' or spaces) can change the path.
 */
public final class GraphPaths {
    private final String base;
    private final PathStyle style;

    public GraphPaths(URI base, PathStyle style) {
        String b = base.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.style = style;
    }

    public PathStyle style() {
        return style;
    }

    public String base() {
        return base;
    }

    /** {@code /users/{u}/profile/positions}, or {@code /me/profile/positions}; relative, for $batch too. */
    public static String relativePositions(String user) {
        return ("me".equals(user) ? "/me" : "/users/" + segment(user)) + "/profile/positions";
    }

    /** {@code /users/{u}/profile/positions/{id}}: a bulk run's batch items need only this, not a parsed URI. */
    public static String relativePosition(String user, String id) {
        return relativePositions(user) + "/" + segment(id);
    }

    /** Where an update goes in this path style, relative to the version root. */
    public String relativeUpdate(String user, String id) {
        if (style == PathStyle.seed) {
            return ("me".equals(user) ? "/me" : "/user/" + segment(user)) + "/profile/positions";
        }
        return relativePosition(user, id);
    }

    public URI absolute(String relative) {
        return URI.create(base + relative);
    }

    public URI positions(String user) {
        return absolute(relativePositions(user));
    }

    public URI position(String user, String id) {
        return absolute(relativePosition(user, id));
    }


    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** RFC 3986 path segment: unreserved characters stay, everything else is percent-encoded (as UTF-8). */
    public static String segment(String s) {
        boolean dots = ".".equals(s) || "..".equals(s);
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '~'
                || (c == '.' && !dots)) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                // most ids need no escaping: then the string itself is the segment (a bulk run makes two per edit)
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (c < 0x80) {
                escape(sb, c);
            } else {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp) - 1;
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    escape(sb, b & 0xff);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static void escape(StringBuilder sb, int b) {
        sb.append('%').append(HEX[b >> 4]).append(HEX[b & 15]);
    }
}
