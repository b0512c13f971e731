package dev.posctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every user's positions as {@code posctl export --all-users -o ndjson} wrote them (read-only fields are
 * already left out), in a form two dumps can be compared in: nulls dropped as Graph reads them like
 * absent fields, and each user's positions sorted, since the service's listing order is not a promise.
 */
record ExportedState(Map<String, List<JsonNode>> users) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ExportedState parse(String ndjson) throws Exception {
        Map<String, List<JsonNode>> users = new TreeMap<>();
        for (String line : ndjson.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode doc = JSON.readTree(line);
            List<JsonNode> positions = new ArrayList<>();
            for (JsonNode p : doc.get("positions")) {
                positions.add(UndoCommandTest.comparable(((ObjectNode) p).deepCopy()));
            }
            users.put(doc.get("userId").asText(), sorted(positions));
        }
        return new ExportedState(users);
    }

    /** The same positions without their ids: what a position created again (with a new id) must match. */
    ExportedState withoutIds() {
        Map<String, List<JsonNode>> out = new TreeMap<>();
        users.forEach((user, positions) -> out.put(user, sorted(positions.stream()
            .map(p -> (JsonNode) ((ObjectNode) p.deepCopy()).without("id")).toList())));
        return new ExportedState(out);
    }

    List<JsonNode> of(String user) {
        return users.getOrDefault(user, List.of());
    }

    int positions() {
        return users.values().stream().mapToInt(List::size).sum();
    }

    /** The users whose positions differ between the two states. */
    TreeSet<String> changedFrom(ExportedState other) {
        TreeSet<String> names = new TreeSet<>(users.keySet());
        names.addAll(other.users.keySet());
        names.removeIf(u -> Objects.equals(of(u), other.of(u)));
        return names;
    }

    /** For an assertion message: how many users differ and the first few of them, side by side. */
    String describeDifference(ExportedState expected) {
        TreeSet<String> changed = changedFrom(expected);
        StringBuilder sb = new StringBuilder(changed.size() + " users differ");
        changed.stream().limit(3).forEach(u -> sb.append("\n  ").append(u).append(": expected ").append(expected.of(u))
            .append("\n  ").append(" ".repeat(u.length())).append("  but was  ").append(of(u)));
        return sb.toString();
    }

    private static List<JsonNode> sorted(List<JsonNode> positions) {
        List<JsonNode> s = new ArrayList<>(positions);
        s.sort(Comparator.comparing(ExportedState::canonical));
        return s;
    }

    /** Field order differs after a PATCH; equal positions must sort alike. */
    private static String canonical(JsonNode n) {
        if (n.isObject()) {
            TreeMap<String, String> fields = new TreeMap<>();
            n.fields().forEachRemaining(e -> fields.put(e.getKey(), canonical(e.getValue())));
            return fields.toString();
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(i -> items.add(canonical(i)));
            return items.toString();
        }
        return n.toString();
    }
}
