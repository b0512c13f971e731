package dev.posctl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.PositionAnswer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The safe nested merge. Graph may replace a complex property whole, so an edit that names part of
 * one is completed from the current value before it is sent; properties the edit does not name
 * are not sent at all.
 */
public final class Merge {
    private Merge() {}

    /** The PATCH body: every top-level property of the edit, complex values merged into the current ones. */
    public static ObjectNode body(ObjectNode edit, JsonNode current) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = edit.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode now = current == null ? null : current.get(e.getKey());
            body.set(e.getKey(), merged(now, e.getValue()));
        }
        return body;
    }

    /**
     * Null when every object of the edit can be completed from the current position; otherwise which
     * value of the current position is not an object (a merge would send the edit's part alone).
     */
    public static String unmergeable(ObjectNode edit, JsonNode current) {
        return unmergeable("", edit, current);
    }

    private static String unmergeable(String prefix, JsonNode edit, JsonNode current) {
        for (Iterator<Map.Entry<String, JsonNode>> it = edit.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode now = current.get(e.getKey());
            if (!e.getValue().isObject() || now == null || now.isNull()) {
                continue;
            }
            String path = prefix + e.getKey();
            if (!now.isObject()) {
                return path + " is " + PositionAnswer.kind(now) + ", not an object";
            }
            String inner = unmergeable(path + ".", e.getValue(), now);
            if (inner == null) {
                inner = nonFinite(path, now, e.getValue());
            }
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** A current value the merge would send back that JSON cannot carry (a server's 1e400 reads as Infinity). */
    private static String nonFinite(String path, JsonNode current, JsonNode edit) {
        for (Iterator<Map.Entry<String, JsonNode>> it = current.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (edit != null && edit.has(e.getKey()) && !edit.get(e.getKey()).isObject()) {
                continue;
            }
            String at = path + "." + e.getKey();
            if (v.isNumber() && !finite(v)) {
                return at + " is not a finite number";
            }
            if (v.isObject() && (edit == null || edit.get(e.getKey()) == null)) {
                String inner = nonFinite(at, v, null);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static boolean finite(JsonNode number) {
        return !(number.isDouble() || number.isFloat()) || Double.isFinite(number.doubleValue());
    }

    /** Objects merge recursively (the edit wins); anything else, arrays included, is replaced. */
    static JsonNode merged(JsonNode current, JsonNode edit) {
        if (edit.isObject() && current != null && current.isObject()) {
            ObjectNode out = ((ObjectNode) current).deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> it = edit.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), merged(out.get(e.getKey()), e.getValue()));
            }
            return out;
        }
        return edit.deepCopy();
    }

    /** The position as it will be once the body is applied. */
    public static ObjectNode applied(JsonNode current, ObjectNode body) {
        ObjectNode out = current != null && current.isObject() ? ((ObjectNode) current).deepCopy()
            : JsonNodeFactory.instance.objectNode();
        body.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue().deepCopy()));
        return out;
    }

    /** One field that an update changes. */
    public record Change(String path, JsonNode current, JsonNode proposed) {}

    /** Leaf-level differences between the current position and what the body would make of it. */
    public static List<Change> changes(JsonNode current, ObjectNode body) {
        List<Change> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("@odata")) {
                continue;
            }
            diff(e.getKey(), current == null ? null : current.get(e.getKey()), e.getValue(), out);
        }
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (same(a, b)) {
            return;
        }
        if (a != null && a.isObject() && b != null && b.isObject()) {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (!n.startsWith("@odata")) {
                    diff(path + "." + n, a.get(n), b.get(n), out);
                }
            }
            return;
        }
        out.add(new Change(path, a == null ? JsonNodeFactory.instance.nullNode() : a,
            b == null ? JsonNodeFactory.instance.nullNode() : b));
    }

    /** Absent and null are the same; numbers compare by value (3 and 3.0). */
    static boolean same(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull() || a.isMissingNode();
        boolean bNull = b == null || b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.isNumber() && b.isNumber()) {
            if (!finite(a) || !finite(b)) {
                return a.doubleValue() == b.doubleValue();
            }
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            return sameFields(a, b);
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static boolean sameFields(JsonNode a, JsonNode b) {
        java.util.Set<String> names = new java.util.HashSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        for (String n : names) {
            if (!same(a.get(n), b.get(n))) {
                return false;
            }
        }
        return true;
    }
}
