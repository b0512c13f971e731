package dev.posctl.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.json.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The few JSON helpers the handlers share: trees through Jackson's streaming parser and generator
 * ({@link JsonTrees}), never an ObjectMapper, whose ~300 classes a start-up cache would otherwise
 * load at every start of every command.
 */
final class Json {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Parses a request body; malformed JSON becomes a Graph 400, never an exception trace. */
    static JsonNode parseBody(byte[] body) {
        if (body == null || body.length == 0) {
            throw GraphException.badRequest("The request body is empty; a JSON object is required.");
        }
        try {
            JsonNode node = JsonTrees.read(body);
            if (node == null || node.isMissingNode()) {
                throw GraphException.badRequest("The request body is empty; a JSON object is required.");
            }
            return node;
        } catch (JsonProcessingException e) {
            // limits (depth, string length) have no location
            throw GraphException.badRequest("Unable to read JSON request payload: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "." : " (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every answer goes through here: the streaming writer skips the mapper's serializer lookups. */
    static byte[] bytes(JsonNode node) {
        return JsonTrees.bytes(node);
    }
}
