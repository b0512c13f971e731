package dev.posctl.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a 2xx answer can be trusted as a position. Graph answers a JSON object; anything else
 * (empty, HTML, cut short, null, an array, a string) must not become the base of a merge, or the
 * edit would go out as written and Graph would replace whole complex values with it.
 */
public final class PositionAnswer {
    private PositionAnswer() {}

    /** Null when {@code body} is a JSON object with an id; otherwise what is wrong with it, for a message. */
    public static String problem(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            return "the answer is empty or not JSON";
        }
        if (body.isObject()) {
            // {} or an error-shaped object would merge like a position without values and send the edit as written
            JsonNode id = body.get("id");
            return id != null && id.isTextual() && !id.asText().isEmpty() ? null : "the answer is an object without an id, not a position";
        }
        return "the answer is " + kind(body) + ", not a JSON object";
    }

    /** How a JSON value that is not an object reads in a message. */
    public static String kind(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return "not an object";
    }
}
