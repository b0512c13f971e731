package dev.posctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The five position operations and the founding document's PATCH form, over a {@link SandboxStore}. */
final class PositionHandlers {
    private final SandboxStore store;
    private final String baseUri;
    private final int pageSize;
    private final boolean patchReturnsNoContent;

    PositionHandlers(SandboxStore store, String baseUri, int pageSize, boolean patchReturnsNoContent) {
        this.store = store;
        this.baseUri = baseUri;
        this.pageSize = pageSize;
        this.patchReturnsNoContent = patchReturnsNoContent;
    }

    SandboxResponse list(SandboxRequest r, String user) {
        Map<String, String> q = r.query();
        QueryOptions.allowOnly(q, "$top", "$skip", "$skiptoken", "$select");
        int top = q.containsKey("$top") ? QueryOptions.number(q, "$top", 1, 999) : pageSize;
        int offset = q.containsKey("$skiptoken") ? QueryOptions.skipToken(q.get("$skiptoken"))
            : q.containsKey("$skip") ? QueryOptions.number(q, "$skip", 0, Integer.MAX_VALUE) : 0;
        Set<String> select = QueryOptions.select(q);
        List<ObjectNode> all = store.list(user);
        ObjectNode root = Json.object();
        root.put("@odata.context", context(user, false));
        ArrayNode value = root.putArray("value");
        int end = (int) Math.min((long) offset + top, all.size());
        for (int i = Math.min(offset, all.size()); i < end; i++) {
            value.add(project(all.get(i), select));
        }
        if (end < all.size()) {
            StringBuilder next = new StringBuilder(base(r)).append(r.rawPath())
                .append("?$top=").append(top).append("&$skiptoken=").append(QueryOptions.mintSkipToken(end));
            if (q.containsKey("$select")) {
                next.append("&$select=").append(QueryOptions.encode(q.get("$select")));
            }
            root.put("@odata.nextLink", next.toString());
        }
        return SandboxResponse.of(200, root);
    }

    /**
     * Links point where the client connected ({@code localhost} or {@code 127.0.0.1}): a client
     * follows a nextLink only to its endpoint's own host. The server let in only its own Host names.
     */
    private String base(SandboxRequest r) {
        return base(baseUri, r);
    }

    static String base(String baseUri, SandboxRequest r) {
        String host = r.header("Host");
        return host == null ? baseUri : "http://" + host.trim().toLowerCase(java.util.Locale.ROOT) + java.net.URI.create(baseUri).getRawPath();
    }

    SandboxResponse get(SandboxRequest r, String user, String id) {
        QueryOptions.allowOnly(r.query(), "$select");
        ObjectNode p = store.get(user, id).orElseThrow(() -> notFound(user, id));
        return SandboxResponse.of(200, entity(user, project(p, QueryOptions.select(r.query()))));
    }

    SandboxResponse create(SandboxRequest r, String user) {
        QueryOptions.allowOnly(r.query());
        ObjectNode body = BodyValidator.workPosition(r.body());
        ObjectNode created = store.create(user, body);
        String location = base(r) + "/users/" + PathCodec.encode(user) + "/profile/positions/"
            + PathCodec.encode(created.get("id").asText());
        return new SandboxResponse(201, Map.of("Location", location), entity(user, created));
    }

    SandboxResponse update(SandboxRequest r, String user, String id) {
        QueryOptions.allowOnly(r.query());
        ObjectNode body = BodyValidator.workPosition(r.body());
        return patched(user, id, store.update(user, id, body));
    }

    /** {@code PATCH /user/{user}/profile/positions} with the position id in the body. */
    SandboxResponse seedPatch(SandboxRequest r, String user) {
        QueryOptions.allowOnly(r.query());
        ObjectNode body = BodyValidator.workPosition(r.body());
        JsonNode id = body.get("id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            throw GraphException.badRequest("The body must carry the 'id' of the position to update"
                + " when the path names no position.");
        }
        return patched(user, id.asText(), store.update(user, id.asText(), body));
    }

    SandboxResponse delete(SandboxRequest r, String user, String id) {
        QueryOptions.allowOnly(r.query());
        if (!store.delete(user, id)) {
            throw notFound(user, id);
        }
        return SandboxResponse.noContent();
    }

    private SandboxResponse patched(String user, String id, Optional<ObjectNode> updated) {
        ObjectNode p = updated.orElseThrow(() -> notFound(user, id));
        return patchReturnsNoContent ? SandboxResponse.noContent() : SandboxResponse.of(200, entity(user, p));
    }

    private ObjectNode entity(String user, ObjectNode p) {
        ObjectNode o = Json.object();
        o.put("@odata.context", context(user, true));
        o.setAll(p);
        return o;
    }

    private String context(String user, boolean entity) {
        return baseUri + "/$metadata#users('" + PathCodec.encode(user) + "')/profile/positions"
            + (entity ? "/$entity" : "");
    }

    private static ObjectNode project(ObjectNode p, Set<String> select) {
        if (select == null) {
            return p;
        }
        ObjectNode o = Json.object();
        Set<String> keep = new LinkedHashSet<>();
        keep.add("id");
        keep.addAll(select);
        for (String name : keep) {
            if (p.has(name)) {
                o.set(name, p.get(name));
            }
        }
        return o;
    }

    private static GraphException notFound(String user, String id) {
        return GraphException.notFound("The position '" + id + "' was not found for user '" + user + "'.");
    }
}
