package dev.posctl.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workPosition model of Graph beta (shared reference, section 2), defined once. Validation,
 * typed flags, completion, {@code posctl schema} and the JSON Schema export all walk this.
 */
public final class Schema {
    /** The addressing key an edit document carries besides the workPosition body; never sent. */
    public static final String USER_ID = "userId";
    public static final String ODATA_TYPE = "@odata.type";

    private static final Schema INSTANCE = WorkPositionModel.build();

    private final Map<String, Type> types;
    private final Type workPosition;
    private final Type editDocument;

    Schema(Map<String, Type> types, Type workPosition, Type editDocument) {
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        this.workPosition = workPosition;
        this.editDocument = editDocument;
    }

    public static Schema get() {
        return INSTANCE;
    }

    /** Every named type (objects and enums), in definition order. */
    public Map<String, Type> types() {
        return types;
    }

    public Type type(String name) {
        return types.get(name);
    }

    public Type workPosition() {
        return workPosition;
    }

    /** workPosition plus {@code userId}: the shape of one edit in a file or on stdin. */
    public Type editDocument() {
        return editDocument;
    }

    /**
     * Resolves a dotted path ({@code detail.company.displayName}) against the edit document.
     * Collections are stepped through, so {@code colleagues.relationship} works. Returns null when
     * any step is unknown.
     */
    public Property resolve(String path) {
        List<Property> steps = walk(path);
        return steps == null || steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }

    /** The properties along a path, or null when a step is unknown. */
    public List<Property> walk(String path) {
        List<Property> steps = new ArrayList<>();
        if (path == null || path.isEmpty()) {
            return steps;
        }
        Type current = editDocument;
        for (String segment : path.split("\\.", -1)) {
            Type holder = objectOf(current);
            Property p = holder == null ? null : holder.property(segment);
            if (p == null) {
                return null;
            }
            steps.add(p);
            current = p.type();
        }
        return steps;
    }

    /** The object type behind a type, looking through a collection; null for scalars. */
    public static Type objectOf(Type type) {
        Type t = type.kind() == Kind.COLLECTION ? type.element() : type;
        return t.kind() == Kind.OBJECT ? t : null;
    }

    /** Every property path below the edit document, depth first: used for completion and docs. */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        collect(editDocument, "", out, 0);
        return out;
    }

    private static void collect(Type type, String prefix, List<String> out, int depth) {
        Type obj = objectOf(type);
        if (obj == null || depth > 6) {
            return;
        }
        for (Property p : obj.properties().values()) {
            String path = prefix + p.name();
            out.add(path);
            collect(p.type(), path + ".", out, depth + 1);
        }
    }
}
