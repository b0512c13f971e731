package dev.posctl.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON Schema (draft 2020-12) of one edit document, for editors such as yaml-language-server.
 * Derived from the model, so it can never disagree with the validator.
 */
public final class JsonSchemaExporter {
    public static final String ID = "https://posctl.dev/schema/workPosition-edit.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Schema schema;

    public JsonSchemaExporter(Schema schema) {
        this.schema = schema;
    }

    public ObjectNode export() {
        ObjectNode root = head("posctl edit document (Microsoft Graph workPosition)");
        root.put("description", schema.editDocument().description()
            + " userId and id may instead come from --user and --id.");
        objectBody(root, schema.editDocument(), "#microsoft.graph.workPosition", true);
        defs(root);
        return root;
    }

    /**
     * The schema of one part of an edit: a field path ({@code detail}, {@code detail.company}) or a
     * type name ({@code companyDetail}); the whole edit for none; null when the schema has no such part.
     */
    public ObjectNode export(String path) {
        if (path == null || path.isEmpty()) {
            return export();
        }
        Property p = schema.resolve(path);
        if (p != null) {
            ObjectNode root = head("posctl edit document: " + path);
            type(root, p.type(), p.nullable());
            root.put("description", p.description());
            // an edit names its position by id: only the edit document's other read-only fields are ignored
            if (p.readOnly() && !"id".equals(path)) {
                root.put("readOnly", true);
            }
            defs(root);
            return root;
        }
        Type named = schema.type(path);
        if (named == null) {
            return null;
        }
        ObjectNode root = head("posctl: the " + named.name() + " type");
        root.put("description", named.description());
        if (named.isEnum()) {
            enumBody(root, named);
        } else {
            objectBody(root, named, "#" + named.odataType(), false);
        }
        defs(root);
        return root;
    }

    private static ObjectNode head(String title) {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID);
        root.put("title", title);
        return root;
    }

    /** Every type but workPosition (the edit document is the root), for the root's $refs. */
    private void defs(ObjectNode root) {
        ObjectNode defs = root.putObject("$defs");
        for (Type t : schema.types().values()) {
            if (t == schema.workPosition()) {
                continue;
            }
            ObjectNode d = defs.putObject(t.name());
            d.put("description", t.description());
            if (t.isEnum()) {
                enumBody(d, t);
            } else {
                objectBody(d, t, "#" + t.odataType(), false);
            }
        }
    }

    /** @param edit the edit document, whose id names the position to change: a plain string, not read-only */
    private void objectBody(ObjectNode o, Type t, String odata, boolean edit) {
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        ObjectNode ot = props.putObject(Schema.ODATA_TYPE);
        ot.put("description", "The OData type; optional.");
        ArrayNode allowed = ot.putArray("enum");
        allowed.add(odata);
        allowed.add(odata.substring(1));
        for (Property p : t.properties().values()) {
            ObjectNode ps = props.putObject(p.name());
            type(ps, p.type(), p.nullable());
            ps.put("description", p.description());
            if (p.readOnly() && !(edit && "id".equals(p.name()))) {
                ps.put("readOnly", true);
            }
        }
        o.put("additionalProperties", t.isOpen());
    }

    private static void enumBody(ObjectNode d, Type t) {
        d.put("type", "string");
        if (t.kind() == Kind.FLAGS_ENUM) {
            String alt = "(" + String.join("|", t.members()) + ")";
            d.put("pattern", "^" + alt + "(\\s*,\\s*" + alt + ")*$");
            ArrayNode examples = d.putArray("examples");
            t.members().forEach(examples::add);
        } else {
            ArrayNode e = d.putArray("enum");
            t.members().forEach(e::add);
        }
    }

    private void type(ObjectNode ps, Type t, boolean nullable) {
        switch (t.kind()) {
            case OBJECT:
            case ENUM:
            case FLAGS_ENUM:
                if (nullable) {
                    ArrayNode any = ps.putArray("anyOf");
                    any.addObject().put("$ref", "#/$defs/" + t.name());
                    any.addObject().put("type", "null");
                } else {
                    ps.put("$ref", "#/$defs/" + t.name());
                }
                return;
            case COLLECTION:
                scalarType(ps, "array", nullable);
                type(ps.putObject("items"), t.element(), false);
                return;
            case STRING:
                scalarType(ps, "string", nullable);
                return;
            case BOOLEAN:
                scalarType(ps, "boolean", nullable);
                return;
            case DOUBLE:
                scalarType(ps, "number", nullable);
                return;
            case INT32:
                scalarType(ps, "integer", nullable);
                ps.put("minimum", Integer.MIN_VALUE);
                ps.put("maximum", Integer.MAX_VALUE);
                return;
            case DATE:
                scalarType(ps, "string", nullable);
                ps.put("format", "date");
                ps.put("pattern", "^\\d{4}-\\d{2}-\\d{2}$");
                return;
            case DATE_TIME:
                scalarType(ps, "string", nullable);
                ps.put("format", "date-time");
                return;
            default:
                return;
        }
    }

    private static void scalarType(ObjectNode ps, String type, boolean nullable) {
        if (nullable) {
            ArrayNode types = ps.putArray("type");
            types.add(type);
            types.add("null");
        } else {
            ps.put("type", type);
        }
    }
}
