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


    /** RFC 3986 path segment: unreserved characters stay, everything else is percent-encoded. */
    public static String segment(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '~'
                || (c == '.' && !".".equals(s) && !"..".equals(s))) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
