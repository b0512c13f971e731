package dev.posctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every user and their positions. Not thread-safe: {@link SandboxStore} guards it. Users are found
 * case-insensitively by object id or userPrincipalName, as Graph resolves either.
 */
final class SandboxData {
    static final class User {
        final String id;
        final String userPrincipalName;
        final String displayName;
        final Map<String, ObjectNode> positions = new LinkedHashMap<>();

        User(String id, String userPrincipalName, String displayName) {
            this.id = id;
            this.userPrincipalName = userPrincipalName;
            this.displayName = displayName;
        }
    }

    private final List<User> users = new ArrayList<>();
    private final Map<String, User> index = new HashMap<>();
    private long modCount;

    User add(String id, String userPrincipalName, String displayName) {
        User u = new User(id, userPrincipalName, displayName);
        users.add(u);
        index.put(key(id), u);
        if (userPrincipalName != null) {
            index.put(key(userPrincipalName), u);
        }
        return u;
    }

    /** The user, or null when nobody by that id or name has positions yet. */
    User find(String idOrName) {
        return index.get(key(idOrName));
    }

    /** Any user id is accepted: an unknown one becomes a user with no positions. */
    User findOrAdd(String idOrName) {
        User u = find(idOrName);
        return u != null ? u : add(idOrName, null, null);
    }

    /** Every user in the order they were added: a stable order for paging. */
    List<User> users() {
        return users;
    }

    void touched() {
        modCount++;
    }

    long modCount() {
        return modCount;
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("format", "posctl-sandbox/1");
        ArrayNode arr = root.putArray("users");
        for (User u : users) {
            ObjectNode o = arr.addObject();
            o.put("id", u.id);
            if (u.userPrincipalName != null) {
                o.put("userPrincipalName", u.userPrincipalName);
            }
            if (u.displayName != null) {
                o.put("displayName", u.displayName);
            }
            ArrayNode ps = o.putArray("positions");
            u.positions.values().forEach(ps::add);
        }
        return root;
    }

    /** @throws IllegalArgumentException describing what in the JSON is not sandbox data */
    static SandboxData fromJson(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("users").isArray()) {
            throw new IllegalArgumentException("expected an object with a \"users\" array");
        }
        SandboxData d = new SandboxData();
        int i = 0;
        for (JsonNode u : root.get("users")) {
            if (!u.isObject() || !u.path("id").isTextual() || u.path("id").asText().isEmpty()) {
                throw new IllegalArgumentException("users[" + i + "] has no \"id\" string");
            }
            User user = d.add(u.get("id").asText(), text(u, "userPrincipalName"), text(u, "displayName"));
            int j = 0;
            for (JsonNode p : u.path("positions")) {
                if (!p.isObject() || !p.path("id").isTextual()) {
                    throw new IllegalArgumentException("users[" + i + "].positions[" + j + "] has no \"id\" string");
                }
                user.positions.put(p.get("id").asText(), (ObjectNode) p);
                j++;
            }
            i++;
        }
        return d;
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
