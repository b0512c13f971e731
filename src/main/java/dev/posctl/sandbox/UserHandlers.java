package dev.posctl.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** {@code GET /users}: the directory, paged with an opaque skip token and narrowed by {@code $select}, as Graph does. */
final class UserHandlers {
    private static final Set<String> PROPERTIES = Set.of("id", "userPrincipalName", "displayName");

    private final SandboxStore store;
    private final String baseUri;
    private final int pageSize;

    UserHandlers(SandboxStore store, String baseUri, int pageSize) {
        this.store = store;
        this.baseUri = baseUri;
        this.pageSize = pageSize;
    }

    SandboxResponse list(SandboxRequest r) {
        Map<String, String> q = r.query();
        QueryOptions.allowOnly(q, "$top", "$skiptoken", "$select");
        int top = q.containsKey("$top") ? QueryOptions.number(q, "$top", 1, 999) : pageSize;
        int offset = q.containsKey("$skiptoken") ? QueryOptions.skipToken(q.get("$skiptoken")) : 0;
        Set<String> select = select(q.get("$select"));
        SandboxStore.UserPage page = store.users(offset, top);
        ObjectNode root = Json.object();
        root.put("@odata.context", baseUri + "/$metadata#users" + (q.containsKey("$select") ? "(" + String.join(",", select) + ")" : ""));
        ArrayNode value = root.putArray("value");
        for (ObjectNode u : page.users()) {
            ObjectNode o = value.addObject();
            for (String name : select) {
                o.set(name, u.get(name));
            }
        }
        if (page.next() >= 0) {
            StringBuilder next = new StringBuilder(PositionHandlers.base(baseUri, r)).append("/users")
                .append("?$top=").append(top).append("&$skiptoken=").append(QueryOptions.mintSkipToken(page.next()));
            if (q.containsKey("$select")) {
                next.append("&$select=").append(QueryOptions.encode(q.get("$select")));
            }
            root.put("@odata.nextLink", next.toString());
        }
        return SandboxResponse.of(200, root);
    }

    private static Set<String> select(String v) {
        if (v == null) {
            return PROPERTIES.stream().sorted().collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : v.split(",")) {
            String name = s.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!PROPERTIES.contains(name)) {
                throw new GraphException(400, "Request_BadRequest", "Could not find a property named '" + name
                    + "' on type 'microsoft.graph.user'; the sandbox knows id, userPrincipalName and displayName.");
            }
            out.add(name);
        }
        return out;
    }
}
