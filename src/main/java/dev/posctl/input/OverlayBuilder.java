package dev.posctl.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.json.JsonTrees;
import dev.posctl.schema.Kind;
import dev.posctl.schema.Property;
import dev.posctl.schema.Schema;
import dev.posctl.validate.DocumentContext;
import dev.posctl.validate.DocumentWalker;
import dev.posctl.validate.Problem;
import dev.posctl.validate.ProblemCode;
import dev.posctl.validate.ProblemSink;
import dev.posctl.validate.ValueRules;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Builds the flags' edit from path assignments, typing each value by the schema. A value that does
 * not fit its type is kept as a string, so the schema walk reports it like a bad value in a file.
 */
public final class OverlayBuilder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Schema schema;
    private final ObjectNode root = NODES.objectNode();
    /** Date fields set from flags, which also take YYYY-MM: their problems must say so. */
    private final Set<String> datePaths = new HashSet<>();

    public OverlayBuilder(Schema schema) {
        this.schema = schema;
    }

    /** {@code --set PATH=VALUE}. */
    public OverlayBuilder set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new PosctlException(ExitCode.USAGE,
                "--set needs PATH=VALUE (for example --set detail.jobTitle=\"Principal PM\"), got: " + assignment);
        }
        return put(assignment.substring(0, eq).trim(), assignment.substring(eq + 1), "--set");
    }

    /** {@code --unset PATH}: sends null, which clears the property. */
    public OverlayBuilder unset(String path) {
        parent(path).putNull(last(path));
        return this;
    }

    /** Sets a path from a flag's text, typed by the schema. */
    public OverlayBuilder put(String path, String raw, String flag) {
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new PosctlException(ExitCode.USAGE, flag + ": \"" + path + "\" is not a field path (like detail.company.displayName)");
        }
        Property p = schema.resolve(path);
        if (p != null && p.type().kind() == Kind.DATE) {
            datePaths.add(path);
        }
        parent(path).set(last(path), typed(p, raw, flag + " " + path));
        return this;
    }

    /** A value that is set as given, for flags that already hold typed values. */
    public OverlayBuilder put(String path, JsonNode value) {
        parent(path).set(last(path), value);
        return this;
    }

    public Overlay build(ProblemSink sink) {
        if (root.isEmpty()) {
            return Overlay.none();
        }
        long before = sink.errors();
        ProblemSink walked = new ProblemSink(false, Integer.MAX_VALUE);
        DocumentContext ctx = new DocumentContext(Overlay.SOURCE, 0, 0, false, walked);
        try (JsonParser p = root.traverse()) {
            p.nextToken();
            ObjectNode checked = new DocumentWalker(schema).document(p, ctx);
            for (Problem problem : walked.problems()) {
                sink.add(problem.code() == ProblemCode.INVALID_DATE && datePaths.contains(problem.path())
                    ? new Problem(problem.location(), problem.severity(), problem.code(), problem.path(),
                        problem.message().replace("(expected YYYY-MM-DD)", "(expected YYYY-MM-DD, or YYYY-MM for the first of the month)"))
                    : problem);
            }
            return new Overlay(checked != null ? checked : NODES.objectNode(), sink.errors() > before);
        } catch (IOException e) {
            throw new IllegalStateException("walking an in-memory tree cannot fail", e);
        }
    }

    private JsonNode typed(Property p, String raw, String what) {
        if (p == null) {
            return NODES.textNode(raw);
        }
        Kind kind = p.type().kind();
        String s = raw.trim();
        switch (kind) {
            case BOOLEAN:
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return NODES.booleanNode(Boolean.parseBoolean(s));
                }
                return NODES.textNode(raw);
            case INT32:
                try {
                    return NODES.numberNode(Integer.parseInt(s));
                } catch (NumberFormatException e) {
                    return s.matches("-?\\d+") ? NODES.numberNode(new java.math.BigInteger(s)) : NODES.textNode(raw);
                }
            case DOUBLE:
                try {
                    return NODES.numberNode(Double.parseDouble(s));
                } catch (NumberFormatException e) {
                    return NODES.textNode(raw);
                }
            case DATE:
                return NODES.textNode(monthOrDate(s));
            case OBJECT:
                return json(raw, what);
            case COLLECTION:
                if (s.startsWith("[")) {
                    return json(raw, what);
                }
                ArrayNode arr = NODES.arrayNode();
                if (!s.isEmpty()) {
                    for (String item : raw.split(",", -1)) {
                        arr.add(p.type().element().kind() == Kind.OBJECT ? json(item, what) : NODES.textNode(item.trim()));
                    }
                }
                return arr;
            default:
                return NODES.textNode(raw);
        }
    }

    /** {@code YYYY-MM} means the first of the month, as Graph's examples do. */
    public static String monthOrDate(String s) {
        if (s.matches("\\d{4}-\\d{2}")) {
            String full = s + "-01";
            LocalDate d = ValueRules.parseDate(full);
            return d != null ? full : s;
        }
        return s;
    }

    private static JsonNode json(String raw, String what) {
        try {
            JsonNode value = JsonTrees.read(raw);
            if (value == null) {
                throw new PosctlException(ExitCode.USAGE, what + ": not valid JSON: no value");
            }
            return value;
        } catch (IOException e) {
            SyntaxErrors.Found found = SyntaxErrors.describe(e, SyntaxErrors.SAME_LINE, 0);
            int column = found.at() != null ? found.at().getColumnNr() : 0;
            throw new PosctlException(ExitCode.USAGE, what + ": not valid JSON" + (column > 0 ? " at column " + column : "") + ": " + found.message());
        }
    }

    private ObjectNode parent(String path) {
        ObjectNode node = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        return node;
    }

    private static String last(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
