package dev.posctl.sandbox;

import dev.posctl.schema.Schema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** OData system query options: which are supported, their values, and the opaque skip token. */
final class QueryOptions {
    private static final String TOKEN_PREFIX = "posctl-sandbox:";

    private QueryOptions() {}

    /** Other $-options are refused rather than ignored, so a client never trusts an unapplied filter. */
    static void allowOnly(Map<String, String> q, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String name : q.keySet()) {
            if (name.startsWith("$") && !ok.contains(name)) {
                throw new GraphException(400, "Request_UnsupportedQuery", "The query option '" + name
                    + "' is not supported here" + (ok.isEmpty() ? "" : "; supported: " + String.join(", ", allowed)) + ".");
            }
        }
    }

    static int number(Map<String, String> q, String name, int min, int max) {
        String v = q.get(name);
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw GraphException.badRequest("Invalid value '" + v + "' for query option '" + name + "': expected an integer from "
            + min + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ".");
    }

    static Set<String> select(Map<String, String> q) {
        String v = q.get("$select");
        if (v == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : v.split(",")) {
            String name = s.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (Schema.get().workPosition().property(name) == null) {
                throw new GraphException(400, "BadRequest", "Could not find a property named '" + name
                    + "' on type 'microsoft.graph.workPosition'.");
            }
            out.add(name);
        }
        return out;
    }

    /** Opaque on purpose: clients must follow nextLink, not compute offsets. */
    static String mintSkipToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
            .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int skipToken(String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (s.startsWith(TOKEN_PREFIX)) {
                int n = Integer.parseInt(s.substring(TOKEN_PREFIX.length()));
                if (n >= 0) {
                    return n;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw GraphException.badRequest("The $skiptoken '" + token + "' is not valid; follow @odata.nextLink as given.");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
