package dev.posctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Graph-shaped error responses: code, message and the innerError that support asks for. */
final class GraphErrors {
    private GraphErrors() {}

    static SandboxResponse response(GraphException e, String requestId, String clientRequestId) {
        return response(e.status(), e.code(), e.getMessage(), e.headers(), requestId, clientRequestId);
    }

    static SandboxResponse response(int status, String code, String message, Map<String, String> extraHeaders,
                                    String requestId, String clientRequestId) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ObjectNode inner = error.putObject("innerError");
        inner.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        inner.put("request-id", requestId);
        inner.put("client-request-id", clientRequestId);
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        return new SandboxResponse(status, headers, root);
    }
}
