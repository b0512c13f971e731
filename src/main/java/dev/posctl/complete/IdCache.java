package dev.posctl.complete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.Environment;
import dev.posctl.json.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * User and position ids seen in earlier results, under {@code $XDG_STATE_HOME/posctl/}, so Tab
 * can offer them without a request. A cache: failing to read or write it never fails a command.
 */
public final class IdCache {
    static final int MAX_USERS = 200;
    static final int MAX_POSITIONS = 100;
    private final Path file;

    public IdCache(Path file) {
        this.file = file;
    }

    public static IdCache of(Environment env) {
        return new IdCache(env.xdg("XDG_STATE_HOME", ".local/state").resolve("posctl").resolve("completion-ids.json"));
    }

    public Path file() {
        return file;
    }

    /** Most recently seen first. */
    public List<String> users() {
        List<String> out = new ArrayList<>();
        load().path("users").forEach(n -> out.add(n.asText()));
        return out;
    }

    public List<String> positions(String user) {
        List<String> out = new ArrayList<>();
        load().path("positions").path(user).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Remembers a user and the ids of the positions a result showed. */
    public void rememberPositions(String user, Iterable<? extends JsonNode> positions) {
        List<String> ids = new ArrayList<>();
        for (JsonNode p : positions) {
            if (p.path("id").isTextual()) {
                ids.add(p.get("id").asText());
            }
        }
        remember(user, ids);
    }

    public synchronized void remember(String user, List<String> ids) {
        if (user == null || user.isBlank()) {
            return;
        }
        try {
            ObjectNode root = load();
            Set<String> users = new LinkedHashSet<>();
            users.add(user);
            root.path("users").forEach(n -> users.add(n.asText()));
            ArrayNode u = root.putArray("users");
            users.stream().limit(MAX_USERS).forEach(u::add);
            ObjectNode byUser = root.path("positions").isObject() ? (ObjectNode) root.get("positions") : root.putObject("positions");
            if (!ids.isEmpty()) {
                ArrayNode p = byUser.putArray(user);
                ids.stream().distinct().limit(MAX_POSITIONS).forEach(p::add);
            }
            byUser.retain(users);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".completion-ids", ".tmp");
            Files.writeString(tmp, JsonTrees.compact(root));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only means fewer candidates next time
        }
    }

    private ObjectNode load() {
        try {
            if (Files.isRegularFile(file)) {
                JsonNode n = JsonTrees.read(Files.readAllBytes(file));
                if (n != null && n.isObject()) {
                    return (ObjectNode) n;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: start afresh
        }
        return JsonNodeFactory.instance.objectNode();
    }
}
