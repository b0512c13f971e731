package dev.posctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One answer, before it is written to a socket or folded into a {@code $batch} reply.
 *
 * @param body null for 204 and other answers without a body
 */
record SandboxResponse(int status, Map<String, String> headers, JsonNode body) {
    static SandboxResponse of(int status, JsonNode body) {
        return new SandboxResponse(status, Map.of(), body);
    }

    static SandboxResponse noContent() {
        return new SandboxResponse(204, Map.of(), null);
    }
}
