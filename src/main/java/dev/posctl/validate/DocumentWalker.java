package dev.posctl.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.posctl.schema.Kind;
import dev.posctl.schema.Property;
import dev.posctl.schema.Schema;
import dev.posctl.schema.Type;
import java.io.IOException;

/**
 * Reads one edit document from a parser and checks it against the schema in the same pass, so
 * every problem carries the line and column where it stands. Returns the document as a tree, with
 * read-only properties left out, for the later steps (merge, send).
 */
public final class DocumentWalker {
    static final int MAX_DEPTH = 32;
    static final int MAX_NODES = 100_000;
    /** The key that makes a top-level object a user document, {@code {userId, positions: [...]}}, as export writes. */
    public static final String POSITIONS = "positions";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What a check without a tree returns for an accepted value; never added to anything. */
    private static final ObjectNode CHECKED = NODES.objectNode();

    private final Schema schema;
    private final Property isCurrent;
    private final Property endMonthYear;
    private final ScalarValues scalars;

    public DocumentWalker(Schema schema) {
        this.schema = schema;
        this.isCurrent = schema.resolve("isCurrent");
        this.endMonthYear = schema.resolve("detail.endMonthYear");
        this.scalars = new ScalarValues(schema, CHECKED);
    }

    /** Thrown to give up on a document that breaks a size or safety limit. */
    private static final class Abandon extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandon() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads the document whose first token the parser is on, consuming all of it. Returns null
     * when it is not an object or was abandoned; problems go to the context's sink.
     */
    public ObjectNode document(JsonParser p, DocumentContext ctx) throws IOException {
        ctx.start(p);
        if (p.currentToken() != JsonToken.START_OBJECT) {
            if (isAlias(p)) {
                ctx.error(p, ProblemCode.YAML_ALIAS, "", aliasMessage());
            } else {
                ctx.error(p, ProblemCode.NOT_AN_OBJECT, "",
                    "an edit must be an object with userId, id and the fields to change; got " + ValueRules.describe(p));
            }
            p.skipChildren();
            return null;
        }
        try {
            return object(p, schema.editDocument(), "", ctx, 0);
        } catch (Abandon a) {
            while (!p.getParsingContext().inRoot()) {
                p.nextToken();
            }
            return null;
        }
    }

    private ObjectNode object(JsonParser p, Type type, String path, DocumentContext ctx, int depth) throws IOException {
        boolean build = ctx.build();
        ObjectNode node = build ? NODES.objectNode() : CHECKED;
        Names seen = new Names();
        boolean top = type == schema.editDocument();
        boolean documentLevel = top && path.isEmpty() && !ctx.inPosition();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!seen.add(name)) {
                ctx.error(p, ProblemCode.DUPLICATE_KEY, join(path, name), "duplicate key: \"" + name + "\" appears more than once");
                p.nextToken();
                p.skipChildren();
                continue;
            }
            count(p, ctx);
            if (Schema.ODATA_TYPE.equals(name)) {
                odataType(p, type, path, ctx, node);
                continue;
            }
            if (name.startsWith("@odata.")) {
                // other OData annotations (@odata.context, @odata.etag) are what get returns: drop them quietly
                p.nextToken();
                p.skipChildren();
                continue;
            }
            if (documentLevel && POSITIONS.equals(name)) {
                positions(p, ctx, depth);
                continue;
            }
            if (top && ctx.inPosition() && Schema.USER_ID.equals(name)) {
                ctx.error(p, ProblemCode.UNKNOWN_PROPERTY, name,
                    "userId belongs at the top of the user document, not inside one of its positions");
                p.nextToken();
                p.skipChildren();
                continue;
            }
            if (documentLevel && !Schema.USER_ID.equals(name)) {
                ctx.topLevelField(name, p);
            }
            Property prop = type.property(name);
            if (prop == null && !type.isOpen()) {
                ctx.error(p, ProblemCode.UNKNOWN_PROPERTY, join(path, name), unknownMessage(type, name));
                p.nextToken();
                p.skipChildren();
                continue;
            }
            if (prop != null && prop.readOnly() && !"id".equals(prop.name())) {
                ctx.warn(p, ProblemCode.READ_ONLY, join(path, name),
                    "read-only (set by the service); it will be left out of the request");
                p.nextToken();
                p.skipChildren();
                continue;
            }
            p.nextToken();
            if (prop == endMonthYear) {
                ctx.markEnd(p);
            } else if (prop == isCurrent) {
                ctx.markIsCurrent(p);
            }
            if (top && !build && prop != null) {
                ctx.fact(prop.name(), p);
            }
            JsonNode value = prop == null ? any(p, ctx, depth + 1) : value(p, prop, prop.type(), path, name, ctx, depth + 1);
            if (value != null && build) {
                node.set(name, value);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            ctx.error(p, ProblemCode.SYNTAX, path, "unexpected " + t);
        }
        return node;
    }

    /** Each entry of a user document's positions is walked as an edit of its own, located on its own line. */
    private void positions(JsonParser p, DocumentContext ctx, int depth) throws IOException {
        ctx.userDocument(p);
        p.nextToken();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            ctx.error(p, ProblemCode.WRONG_TYPE, POSITIONS, "expected an array of workPosition, got " + ValueRules.describe(p));
            p.skipChildren();
            return;
        }
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            DocumentContext position = ctx.position(i++);
            position.start(p);
            ObjectNode body = null;
            if (isAlias(p)) {
                position.error(p, ProblemCode.YAML_ALIAS, "", aliasMessage());
            } else if (p.currentToken() != JsonToken.START_OBJECT) {
                position.error(p, ProblemCode.NOT_AN_OBJECT, "",
                    "a position must be an object of workPosition fields; got " + ValueRules.describe(p));
                p.skipChildren();
            } else {
                count(p, position);
                body = object(p, schema.editDocument(), "", position, depth + 1);
            }
            ctx.add(body, position);
        }
    }

    private void odataType(JsonParser p, Type type, String path, DocumentContext ctx, ObjectNode node) throws IOException {
        p.nextToken();
        String expected = type == schema.editDocument() ? schema.workPosition().odataType() : type.odataType();
        String at = join(path, Schema.ODATA_TYPE);
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            ctx.error(p, ProblemCode.WRONG_TYPE, at, "expected a string, got " + ValueRules.describe(p));
            p.skipChildren();
            return;
        }
        String v = p.getText();
        if (!v.equals(expected) && !v.equals("#" + expected)) {
            ctx.error(p, ProblemCode.WRONG_ODATA_TYPE, at, "\"" + ValueRules.clip(v) + "\" does not name this object's type; expected \"#" + expected + "\"");
            return;
        }
        if (ctx.build()) {
            node.put(Schema.ODATA_TYPE, v);
        }
    }

    private String unknownMessage(Type type, String name) {
        String hint = Suggest.property(type, name);
        return "unknown property of " + displayName(type) + (hint != null ? " (did you mean " + hint + "?)" : "");
    }

    private String displayName(Type type) {
        return type == schema.editDocument() ? "workPosition" : type.name();
    }

    private JsonNode value(JsonParser p, Property prop, Type type, String parent, String name, DocumentContext ctx, int depth)
        throws IOException {
        boolean build = ctx.build();
        JsonToken t = p.currentToken();
        if (isAlias(p)) {
            ctx.error(p, ProblemCode.YAML_ALIAS, at(parent, name), aliasMessage());
            return null;
        }
        if (t == JsonToken.VALUE_NULL) {
            if (prop != null && !prop.nullable()) {
                ctx.error(p, ProblemCode.NULL_NOT_ALLOWED, at(parent, name), "may not be null" + ScalarValues.nullHint(prop));
                return null;
            }
            if (prop == null) {
                ctx.error(p, ProblemCode.NULL_NOT_ALLOWED, at(parent, name), "a collection may not hold null");
                return null;
            }
            return build ? NODES.nullNode() : CHECKED;
        }
        switch (type.kind()) {
            case STRING:
            case BOOLEAN:
            case INT32:
            case DOUBLE:
            case DATE:
            case DATE_TIME:
            case ENUM:
            case FLAGS_ENUM:
                JsonNode scalar = scalars.read(p, t, prop, type, parent, name, ctx);
                if (scalar != ScalarValues.WRONG) {
                    return scalar;
                }
                break;
            case OBJECT:
                if (t == JsonToken.START_OBJECT) {
                    return depthChecked(p, ctx, depth) ? object(p, type, at(parent, name), ctx, depth) : null;
                }
                break;
            case COLLECTION:
                if (t == JsonToken.START_ARRAY) {
                    return depthChecked(p, ctx, depth) ? array(p, type.element(), at(parent, name), ctx, depth) : null;
                }
                break;
            default:
                return any(p, ctx, depth);
        }
        ctx.error(p, ProblemCode.WRONG_TYPE, at(parent, name), "expected " + ScalarValues.expected(type) + ", got " + ValueRules.describe(p));
        p.skipChildren();
        return null;
    }

    private JsonNode array(JsonParser p, Type element, String path, DocumentContext ctx, int depth) throws IOException {
        ArrayNode arr = ctx.build() ? NODES.arrayNode() : null;
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            count(p, ctx);
            JsonNode v = value(p, null, element, path, "[" + i + "]", ctx, depth + 1);
            if (v != null && arr != null) {
                arr.add(v);
            }
            i++;
        }
        return arr != null ? arr : CHECKED;
    }

    private JsonNode any(JsonParser p, DocumentContext ctx, int depth) throws IOException {
        if (isAlias(p)) {
            ctx.error(p, ProblemCode.YAML_ALIAS, "", aliasMessage());
            return null;
        }
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            if (!depthChecked(p, ctx, depth)) {
                return null;
            }
            if (t == JsonToken.START_OBJECT) {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    count(p, ctx);
                    p.nextToken();
                    JsonNode v = any(p, ctx, depth + 1);
                    if (v != null) {
                        o.set(name, v);
                    }
                }
                return o;
            }
            ArrayNode a = NODES.arrayNode();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                count(p, ctx);
                JsonNode v = any(p, ctx, depth + 1);
                if (v != null) {
                    a.add(v);
                }
            }
            return a;
        }
        switch (t) {
            case VALUE_STRING: return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE: return NODES.booleanNode(true);
            case VALUE_FALSE: return NODES.booleanNode(false);
            default: return NODES.nullNode();
        }
    }

    private static boolean depthChecked(JsonParser p, DocumentContext ctx, int depth) throws IOException {
        if (depth <= MAX_DEPTH) {
            return true;
        }
        ctx.error(p, ProblemCode.TOO_DEEP, "", "nested more than " + MAX_DEPTH + " levels deep; the document is rejected");
        throw new Abandon();
    }

    private static void count(JsonParser p, DocumentContext ctx) {
        if (++ctx.nodes > MAX_NODES) {
            ctx.error(p, ProblemCode.TOO_LARGE, "", "more than " + MAX_NODES + " values in one document; the document is rejected");
            throw new Abandon();
        }
    }

    /** Only YAML parsers read object ids; asking first keeps YAML classes unloaded for JSON. */
    private static boolean isAlias(JsonParser p) {
        return p.canReadObjectId() && YamlAlias.is(p);
    }

    private static final class YamlAlias {
        static boolean is(JsonParser p) {
            return p instanceof YAMLParser && ((YAMLParser) p).isCurrentAlias();
        }
    }

    private static String aliasMessage() {
        return "YAML aliases (*name) are not supported in edit files; write the value out in full";
    }

    /** A child's path: {@code detail.jobTitle}, or {@code categories[1]} for an element. */
    static String at(String parent, String name) {
        return name.startsWith("[") ? parent + name : join(parent, name);
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
