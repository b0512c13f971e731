package dev.posctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.schema.Kind;
import dev.posctl.schema.Property;
import dev.posctl.schema.Schema;
import dev.posctl.schema.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Checks a POST or PATCH body the way Graph does: closed types reject unknown properties, every
 * value must have its property's JSON type. Walks the shared {@link Schema}, so the sandbox and
 * the client's validator agree on what exists. Read-only top-level properties are not checked
 * because the store ignores them.
 */
final class BodyValidator {
    private BodyValidator() {}

    /** @throws GraphException 400 describing the first problem */
    static ObjectNode workPosition(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object (a workPosition).");
        }
        Type type = Schema.get().workPosition();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            Property p = type.property(e.getKey());
            if (p != null && p.readOnly()) {
                continue;
            }
            member(type, e.getKey(), e.getValue(), e.getKey());
        }
        return (ObjectNode) body;
    }

    private static void object(Type type, JsonNode value, String path) {
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            member(type, e.getKey(), e.getValue(), path + "." + e.getKey());
        }
        for (Property p : type.properties().values()) {
            // a non-nullable nested property (company.displayName) must be present when its object is sent
            if (!p.nullable() && !p.readOnly() && !value.has(p.name())) {
                throw GraphException.badRequest("Property '" + p.name() + "' of type '" + type.odataType()
                    + "' is required (at " + path + ").");
            }
        }
    }

    private static void member(Type owner, String name, JsonNode value, String path) {
        if (Schema.ODATA_TYPE.equals(name)) {
            if (!value.isTextual()) {
                throw GraphException.badRequest("Property '@odata.type' must be a string (at " + path + ").");
            }
            return;
        }
        Property p = owner.property(name);
        if (p == null) {
            if (owner.isOpen()) {
                return;
            }
            throw GraphException.badRequest("Invalid property '" + name + "' for type '" + owner.odataType()
                + "' (at " + path + "): it does not exist on this type.");
        }
        if (value.isNull()) {
            if (!p.nullable()) {
                throw GraphException.badRequest("Property '" + name + "' of type '" + owner.odataType()
                    + "' cannot be null (at " + path + ").");
            }
            return;
        }
        value(p.type(), value, path);
    }

    private static void value(Type type, JsonNode v, String path) {
        switch (type.kind()) {
            case STRING -> expect(v.isTextual(), type, v, path);
            case BOOLEAN -> expect(v.isBoolean(), type, v, path);
            case INT32 -> expect(v.isIntegralNumber() && v.canConvertToInt(), type, v, path);
            case DOUBLE -> expect(v.isNumber(), type, v, path);
            case DATE -> expect(v.isTextual() && parses(() -> LocalDate.parse(v.asText())), type, v, path);
            case DATE_TIME -> expect(v.isTextual() && parses(() -> OffsetDateTime.parse(v.asText())), type, v, path);
            case ENUM -> expect(v.isTextual() && type.members().contains(v.asText()), type, v, path);
            case FLAGS_ENUM -> expect(v.isTextual() && flags(type, v.asText()), type, v, path);
            case OBJECT -> {
                expect(v.isObject(), type, v, path);
                object(type, v, path);
            }
            case COLLECTION -> {
                expect(v.isArray(), type, v, path);
                int i = 0;
                for (JsonNode item : v) {
                    if (item.isNull()) {
                        throw GraphException.badRequest("A collection item cannot be null (at " + path + "[" + i + "]).");
                    }
                    value(type.element(), item, path + "[" + i + "]");
                    i++;
                }
            }
            case ANY -> { }
            default -> throw new IllegalStateException("unhandled kind " + type.kind());
        }
    }

    private static boolean flags(Type type, String s) {
        for (String member : s.split(",", -1)) {
            if (!type.members().contains(member.trim())) {
                return false;
            }
        }
        return true;
    }

    private static boolean parses(Runnable r) {
        try {
            r.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void expect(boolean ok, Type type, JsonNode v, String path) {
        if (!ok) {
            String shown = v.toString();
            if (shown.length() > 60) {
                shown = shown.substring(0, 57) + "...";
            }
            throw GraphException.badRequest("Cannot convert the literal " + shown + " to the expected type '"
                + (type.isEnum() || type.kind() == Kind.OBJECT ? type.odataType() : "Edm." + type.name())
                + "' (at " + path + ").");
        }
    }
}
