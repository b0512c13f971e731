package dev.posctl.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.schema.Property;
import dev.posctl.schema.Schema;
import dev.posctl.schema.Type;
import java.io.IOException;

/**
 * The checks of one scalar value against its schema type (string, boolean, Int32, Double, date,
 * date-time, enum), for {@link DocumentWalker}: problems go to the context at the value's place.
 */
final class ScalarValues {
    /** Not a value of the type at all: the walker reports the wrong type, as for objects and arrays. */
    static final JsonNode WRONG = JsonNodeFactory.instance.objectNode();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode checked;
    private final Property endMonthYear;
    private final Property confidence;
    private final Property startMonthYear;

    /** @param checked what a check without a tree returns for an accepted value */
    ScalarValues(Schema schema, ObjectNode checked) {
        this.checked = checked;
        this.endMonthYear = schema.resolve("detail.endMonthYear");
        this.confidence = schema.resolve("inference.confidenceScore");
        this.startMonthYear = schema.resolve("detail.startMonthYear");
    }

    /**
     * The value the parser is on: its node (or the checked marker without a tree), null when it
     * was reported invalid, or {@link #WRONG} when it is not of the type's kind. The value's path is
     * made only for a problem: a million valid edits should not pay for a string per value.
     */
    JsonNode read(JsonParser p, JsonToken t, Property prop, Type type, String parent, String name, DocumentContext ctx)
        throws IOException {
        boolean build = ctx.build();
        switch (type.kind()) {
            case STRING:
                if (t == JsonToken.VALUE_STRING || (ctx.yaml() && t.isNumeric())) {
                    if (build) {
                        return NODES.textNode(p.getText());
                    }
                    // decoded without making a String, so that the parser's length limit applies here
                    // as it does when the edit is read to be sent (else validate passes what update refuses)
                    p.getTextLength();
                    return checked;
                }
                break;
            case BOOLEAN:
                if (t.isBoolean()) {
                    return build ? NODES.booleanNode(t == JsonToken.VALUE_TRUE) : checked;
                }
                break;
            case INT32:
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    if (p.getNumberType() == JsonParser.NumberType.INT) {
                        return build ? NODES.numberNode(p.getIntValue()) : checked;
                    }
                    ctx.error(p, ProblemCode.INT32_RANGE, DocumentWalker.at(parent, name), ValueRules.clip(p.getText()) + " is outside the Int32 range (-2147483648 to 2147483647)");
                    return null;
                }
                break;
            case DOUBLE:
                if (t.isNumeric()) {
                    double d = doubleValue(p);
                    // 1e400 reads as Infinity, which JSON cannot carry: sent, it would go out as "Infinity"
                    if (!Double.isFinite(d)) {
                        ctx.error(p, ProblemCode.NOT_FINITE, DocumentWalker.at(parent, name), ValueRules.clip(p.getText())
                            + " is not a finite Double (too large, or not a number)");
                        return null;
                    }
                    if (prop == confidence && (d < 0 || d > 1)) {
                        ctx.warn(p, ProblemCode.CONFIDENCE_RANGE, DocumentWalker.at(parent, name), p.getText() + " is outside 0..1");
                    }
                    if (!build) {
                        return checked;
                    }
                    boolean integral = t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
                    return integral ? NODES.numberNode(p.getLongValue()) : NODES.numberNode(d);
                }
                break;
            case DATE:
                if (t == JsonToken.VALUE_STRING) {
                    String s = p.getText();
                    if (ValueRules.parseDate(s) == null) {
                        ctx.error(p, ProblemCode.INVALID_DATE, DocumentWalker.at(parent, name), "\"" + ValueRules.clip(s) + "\" is not a date (expected YYYY-MM-DD)");
                        return null;
                    }
                    if (!build) {
                        if (prop == startMonthYear) {
                            ctx.startDate(s);
                        } else if (prop == endMonthYear) {
                            ctx.endDate(s);
                        }
                        return checked;
                    }
                    return NODES.textNode(s);
                }
                break;
            case DATE_TIME:
                if (t == JsonToken.VALUE_STRING) {
                    String s = p.getText();
                    if (!ValueRules.isDateTime(s)) {
                        ctx.error(p, ProblemCode.INVALID_DATE_TIME, DocumentWalker.at(parent, name), "\"" + ValueRules.clip(s) + "\" is not a date-time (expected ISO-8601 with offset, like 2026-01-05T10:00:00Z)");
                        return null;
                    }
                    return build ? NODES.textNode(s) : checked;
                }
                break;
            case ENUM:
            case FLAGS_ENUM:
                if (t == JsonToken.VALUE_STRING) {
                    String s = p.getText();
                    String problem = ValueRules.enumProblem(type, s);
                    if (problem != null) {
                        ctx.error(p, ProblemCode.UNKNOWN_ENUM_MEMBER, DocumentWalker.at(parent, name), problem);
                        return null;
                    }
                    return build ? NODES.textNode(s) : checked;
                }
                break;
            default:
                break;
        }
        return WRONG;
    }

    /** The number, or NaN for YAML's {@code .inf} and {@code .nan}, which the YAML parser tokenizes as numbers but cannot read. */
    private static double doubleValue(JsonParser p) throws IOException {
        try {
            return p.getDoubleValue();
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            return Double.NaN;
        }
    }

    static String nullHint(Property prop) {
        if ("detail".equals(prop.name())) {
            return " (leave detail out, or send the fields to change)";
        }
        if ("displayName".equals(prop.name())) {
            return " (a company that is sent must carry its displayName; leave company out to keep it)";
        }
        return "";
    }

    static String expected(Type type) {
        switch (type.kind()) {
            case OBJECT: return "an object (" + type.name() + ")";
            case COLLECTION: return "an array of " + type.element().name();
            case ENUM:
            case FLAGS_ENUM: return "a string (" + type.name() + ")";
            case DATE: return "a date string (YYYY-MM-DD)";
            case DATE_TIME: return "a date-time string";
            default: return type.name();
        }
    }
}
