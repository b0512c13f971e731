package dev.posctl.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;

/** {@code posctl schema PATH}: what a type or field is, like {@code kubectl explain}. */
public final class SchemaExplainer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Schema schema;

    public SchemaExplainer(Schema schema) {
        this.schema = schema;
    }

    /** Null when the path names nothing; also accepts a type name such as {@code companyDetail}. */
    public ObjectNode explain(String path) {
        if (path == null || path.isEmpty()) {
            return describe("", schema.editDocument(), null);
        }
        Property p = schema.resolve(path);
        if (p != null) {
            return describe(path, p.type(), p);
        }
        Type named = schema.type(path);
        return named != null ? describe(path, named, null) : null;
    }

    private ObjectNode describe(String path, Type type, Property p) {
        ObjectNode o = NODES.objectNode();
        o.put("path", path);
        o.put("type", type.name());
        o.put("kind", type.kind().label());
        String description = p != null ? p.description() : type.description();
        o.put("description", description);
        if (p != null) {
            o.put("nullable", p.nullable());
            o.put("readOnly", p.readOnly());
        }
        Type base = type.kind() == Kind.COLLECTION ? type.element() : type;
        if (base.isEnum()) {
            ArrayNode members = o.putArray("members");
            base.members().forEach(members::add);
            o.put("flags", base.kind() == Kind.FLAGS_ENUM);
        }
        if (base.kind() == Kind.OBJECT) {
            o.put("open", base.isOpen());
            ArrayNode fields = o.putArray("fields");
            for (Property f : base.properties().values()) {
                ObjectNode fo = fields.addObject();
                fo.put("name", f.name());
                fo.put("type", f.type().name());
                fo.put("notes", notes(f));
                fo.put("description", f.description());
            }
        }
        return o;
    }

    static String notes(Property f) {
        StringBuilder sb = new StringBuilder();
        if (f.readOnly()) {
            sb.append("id".equals(f.name()) ? "key, read-only" : "read-only");
        }
        if (!f.nullable()) {
            sb.append(sb.length() > 0 ? ", " : "").append("not null");
        }
        return sb.toString();
    }

    /** The text form. */
    public static void print(ObjectNode e, PrintWriter out) {
        String path = e.path("path").asText();
        out.println((path.isEmpty() ? "KIND:     " : "FIELD:    ") + (path.isEmpty() ? "workPosition edit" : path)
            + " <" + e.path("type").asText() + ">");
        List<String> flags = new java.util.ArrayList<>();
        if (e.path("readOnly").asBoolean()) {
            flags.add("read-only");
        }
        if (e.has("nullable") && !e.path("nullable").asBoolean()) {
            flags.add("not null");
        }
        if (!flags.isEmpty()) {
            out.println("NOTES:    " + String.join(", ", flags));
        }
        out.println();
        out.println("DESCRIPTION:");
        out.println("    " + e.path("description").asText());
        if (e.has("members")) {
            out.println();
            out.println(e.path("flags").asBoolean() ? "MEMBERS (combine with commas):" : "MEMBERS:");
            e.path("members").forEach(m -> out.println("    " + m.asText()));
        }
        if (e.has("fields")) {
            out.println();
            out.println(e.path("open").asBoolean() ? "FIELDS (open type: other fields are allowed):" : "FIELDS:");
            int nw = 4;
            int tw = 4;
            for (var f : e.path("fields")) {
                nw = Math.max(nw, f.path("name").asText().length());
                tw = Math.max(tw, f.path("type").asText().length() + 2);
            }
            for (var f : e.path("fields")) {
                String type = "<" + f.path("type").asText() + ">";
                String notes = f.path("notes").asText();
                out.printf("    %-" + nw + "s  %-" + tw + "s  %s%s%n", f.path("name").asText(), type,
                    notes.isEmpty() ? "" : "[" + notes + "] ", f.path("description").asText());
            }
        }
        out.flush();
    }
}
