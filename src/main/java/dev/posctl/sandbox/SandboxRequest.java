package dev.posctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the router sees it, whether it came over HTTP or as a {@code $batch} item.
 *
 * @param segments decoded path segments below {@code /beta}
 * @param rawPath  the raw (still encoded) path below {@code /beta}, starting with '/'; for nextLinks
 * @param headers  header names compared case-insensitively
 * @param rawBody  the body bytes of an HTTP request, or null
 * @param jsonBody the body of a batch item, already parsed, or null
 */
record SandboxRequest(String method, List<String> segments, String rawPath, Map<String, String> query,
                      TreeMap<String, String> headers, byte[] rawBody, JsonNode jsonBody,
                      String requestId, String clientRequestId) {

    static TreeMap<String, String> headerMap() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    boolean hasBody() {
        return jsonBody != null || (rawBody != null && rawBody.length > 0);
    }

    /** The body as JSON; a malformed or missing body is a Graph 400. */
    JsonNode body() {
        return jsonBody != null ? jsonBody : Json.parseBody(rawBody);
    }

    String header(String name) {
        return headers.get(name);
    }
}
