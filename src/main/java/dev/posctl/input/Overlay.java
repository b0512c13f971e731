package dev.posctl.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.schema.Schema;
import java.util.Iterator;
import java.util.Map;

/**
 * The edit given by flags. With files it is laid on top of every document: the addressing keys
 * (userId, id) fill in where a document has none, every other field replaces the document's.
 */
public final class Overlay {
    public static final String SOURCE = "<flags>";
    private static final Overlay NONE = new Overlay(JsonNodeFactory.instance.objectNode(), false);

    private final ObjectNode fields;
    private final boolean errors;

    Overlay(ObjectNode fields, boolean errors) {
        this.fields = fields;
        this.errors = errors;
    }

    public static Overlay none() {
        return NONE;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** True when a flag's value was invalid: no edit it touches may be sent. */
    public boolean hasErrors() {
        return errors;
    }

    public ObjectNode asDocument() {
        return fields.deepCopy();
    }

    public void applyTo(ObjectNode doc) {
        if (fields.isEmpty()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            boolean addressing = Schema.USER_ID.equals(name) || "id".equals(name);
            if (addressing && doc.hasNonNull(name)) {
                continue;
            }
            merge(doc, name, e.getValue());
        }
    }

    private static void merge(ObjectNode target, String name, JsonNode value) {
        JsonNode current = target.get(name);
        if (value.isObject() && current != null && current.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                merge((ObjectNode) current, e.getKey(), e.getValue());
            }
        } else {
            target.set(name, value.deepCopy());
        }
    }
}
