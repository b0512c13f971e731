package dev.posctl.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.schema.Property;
import dev.posctl.schema.Schema;
import dev.posctl.schema.Type;
import java.util.List;
import java.util.Map;

/**
 * A user's positions as one document, {@code {userId, positions: [...]}}, ready to be edited and
 * applied: what the service sets (created/modified stamps and actors) and OData annotations are
 * left out; {@code id} stays, it names the position.
 */
public final class UserDocument {
    private UserDocument() {}

    public static ObjectNode of(String userId, List<JsonNode> positions) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put(Schema.USER_ID, userId);
        ArrayNode out = doc.putArray("positions");
        for (JsonNode p : positions) {
            out.add(p.isObject() ? writable((ObjectNode) p) : p);
        }
        return doc;
    }

    public static ObjectNode writable(ObjectNode position) {
        Type type = Schema.get().workPosition();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : position.properties()) {
            String name = e.getKey();
            Property p = type.property(name);
            boolean readOnly = p != null && p.readOnly() && !"id".equals(name);
            boolean annotation = name.startsWith("@") && !Schema.ODATA_TYPE.equals(name);
            if (!readOnly && !annotation) {
                out.set(name, e.getValue());
            }
        }
        return out;
    }
}
