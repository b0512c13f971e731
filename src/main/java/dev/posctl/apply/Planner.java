package dev.posctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.input.Edit;
import dev.posctl.json.JsonTrees;
import dev.posctl.run.Merge;
import dev.posctl.validate.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What applying a desired state would do, user by user: each desired position is matched to a
 * current one by its id, else by the match fields; matched ones are updated when a field differs
 * (the same merge as update sends), unmatched ones created, and current ones nobody desires deleted
 * only when pruning. Plans only: it is told the current positions and sends nothing.
 */
public final class Planner {
    public static final List<String> DEFAULT_MATCH = List.of("detail.company.displayName", "detail.jobTitle", "detail.startMonthYear");

    public enum Action { create, update, keep, delete }

    /** One step of the plan; {@code desired} is null for a delete, {@code current} null for a create. */
    public record Step(Action action, String user, String id, Location source, ObjectNode desired, JsonNode current,
                       List<Merge.Change> changes) {}

    private final List<String> match;
    private final boolean prune;

    public Planner(List<String> match, boolean prune) {
        this.match = List.copyOf(match);
        this.prune = prune;
    }

    /**
     * @param desired the desired positions of each user, in input order (a user may have none)
     * @param current lists a user's current positions (one call per user)
     * @throws PosctlException exit 3 when a desired position could match more than one, or names an id the user lacks
     */
    public List<Step> plan(Map<String, List<Edit>> desired, Function<String, List<JsonNode>> current) {
        List<Step> steps = new ArrayList<>();
        for (Map.Entry<String, List<Edit>> user : desired.entrySet()) {
            plan(user.getKey(), user.getValue(), current.apply(user.getKey()), steps);
        }
        return steps;
    }

    private void plan(String user, List<Edit> wanted, List<JsonNode> now, List<Step> steps) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode position : now) {
            byId.put(position.path("id").asText(""), position);
        }
        Map<String, Edit> claimedIds = new HashMap<>();
        for (Edit e : wanted) {
            if (id(e) == null) {
                continue;
            }
            Edit other = claimedIds.putIfAbsent(id(e), e);
            if (other != null) {
                throw invalid(where(e) + "and " + where(other) + "both name position " + id(e) + " of " + user);
            }
            if (!byId.containsKey(id(e))) {
                throw invalid(where(e) + "names position " + id(e) + ", which " + user
                    + " does not have (leave the id out to create it)");
            }
        }
        Map<String, List<JsonNode>> unclaimedByKey = new HashMap<>();
        for (JsonNode position : now) {
            if (!claimedIds.containsKey(position.path("id").asText(""))) {
                unclaimedByKey.computeIfAbsent(key(position), k -> new ArrayList<>()).add(position);
            }
        }
        Map<String, Edit> desiredKeys = new HashMap<>();
        Map<String, JsonNode> matched = new HashMap<>();
        for (Edit e : wanted) {
            JsonNode position;
            if (id(e) != null) {
                position = byId.get(id(e));
            } else {
                String key = key(e.fields());
                Edit other = desiredKeys.putIfAbsent(key, e);
                if (other != null) {
                    throw invalid(where(other) + "and " + where(e) + "describe the same position of " + user + " ("
                        + String.join(", ", match) + " are equal): give each its id, or use other --match fields");
                }
                List<JsonNode> candidates = unclaimedByKey.getOrDefault(key, List.of());
                if (candidates.size() > 1) {
                    throw invalid(where(e) + "matches positions " + candidates.get(0).path("id").asText() + " and "
                        + candidates.get(1).path("id").asText() + " of " + user + ", which have the same " + String.join(", ", match)
                        + ": name the one meant by its id, or use other --match fields");
                }
                position = candidates.isEmpty() ? null : candidates.get(0);
            }
            steps.add(step(user, e, position));
            if (position != null) {
                matched.put(position.path("id").asText(""), position);
            }
        }
        if (prune) {
            for (Map.Entry<String, JsonNode> left : byId.entrySet()) {
                if (!matched.containsKey(left.getKey())) {
                    steps.add(new Step(Action.delete, user, left.getKey(), null, null, left.getValue(), List.of()));
                }
            }
        }
    }

    private static Step step(String user, Edit e, JsonNode position) {
        ObjectNode fields = e.fields();
        if (position == null) {
            return new Step(Action.create, user, null, e.location(), fields, null, List.of());
        }
        List<Merge.Change> changes = Merge.changes(position, Merge.body(fields, position));
        return new Step(changes.isEmpty() ? Action.keep : Action.update, user, position.path("id").asText(), e.location(),
            fields, position, changes);
    }

    /** A blank id names no position: the edit is matched by its fields. */
    private static String id(Edit e) {
        String id = e.id();
        return id == null || id.isBlank() ? null : id;
    }

    private String key(JsonNode position) {
        StringBuilder b = new StringBuilder();
        for (String path : match) {
            JsonNode v = position.at("/" + path.replace('.', '/'));
            b.append(v instanceof MissingNode || v.isNull() ? "null" : JsonTrees.compact(v)).append('\u0000');
        }
        return b.toString();
    }

    private static String where(Edit e) {
        return e.location() != null ? e.location().prefix() + " " : "";
    }

    private static PosctlException invalid(String message) {
        return new PosctlException(ExitCode.INVALID_INPUT, message);
    }
}
