package dev.posctl.complete;

import dev.posctl.schema.Kind;
import dev.posctl.schema.Property;
import dev.posctl.schema.Schema;
import dev.posctl.schema.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Field paths one segment at a time, as people type them: {@code detail.com} offers
 * {@code detail.company.} rather than all fifteen paths below it.
 */
final class FieldPaths {
    private final Schema schema;

    FieldPaths(Schema schema) {
        this.schema = schema;
    }

    /** @param assignment for --set: leaves end in '=' and a value may follow */
    List<Candidate> complete(String prefix, boolean assignment) {
        int eq = prefix.indexOf('=');
        if (assignment && eq >= 0) {
            return values(prefix.substring(0, eq), prefix.substring(eq + 1));
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Candidate> out = new ArrayList<>();
        for (String path : schema.paths()) {
            if (!path.startsWith(prefix)) {
                continue;
            }
            int dot = path.indexOf('.', prefix.length());
            String next = dot >= 0 ? path.substring(0, dot + 1) : path;
            if (dot < 0 && Schema.objectOf(schema.resolve(path).type()) != null && !path.equals(prefix)) {
                next = path + ".";
            }
            if (!seen.add(next)) {
                continue;
            }
            boolean object = next.endsWith(".");
            if (object) {
                out.add(new Candidate(next, null, false));
            } else {
                out.add(assignment ? new Candidate(next + "=", null, false) : Candidate.of(next));
            }
        }
        return out;
    }

    /** After {@code PATH=}: enum members (several joined with commas for flags) and booleans. */
    private List<Candidate> values(String path, String typed) {
        Property p = schema.resolve(path);
        List<Candidate> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        Type t = p.type().kind() == Kind.COLLECTION ? p.type().element() : p.type();
        List<String> members = t.isEnum() ? t.members() : t.kind() == Kind.BOOLEAN ? List.of("true", "false") : List.of();
        int comma = typed.lastIndexOf(',');
        String done = typed.substring(0, comma + 1);
        String last = typed.substring(comma + 1);
        for (String m : members) {
            if (m.startsWith(last)) {
                out.add(Candidate.of(path + "=" + done + m));
            }
        }
        return out;
    }
}
