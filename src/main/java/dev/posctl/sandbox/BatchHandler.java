package dev.posctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.RequestIds;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Graph JSON batching: up to 20 requests routed one by one through the same {@link Router}, each
 * with its own status. Chaos throttles or fails single items, as Graph does, so clients must retry
 * items and not only whole batches.
 */
final class BatchHandler {
    static final int MAX_REQUESTS = 20;

    private final Router router;
    private final Chaos chaos;

    BatchHandler(Router router, Chaos chaos) {
        this.router = router;
        this.chaos = chaos;
    }

    SandboxResponse handle(SandboxRequest outer) {
        if (!outer.method().equals("POST")) {
            throw new GraphException(405, "MethodNotAllowed", "Only POST is allowed on $batch.", Map.of("Allow", "POST"));
        }
        JsonNode body = outer.body();
        JsonNode requests = body.get("requests");
        if (!body.isObject() || requests == null || !requests.isArray()) {
            throw GraphException.badRequest("A $batch body must be an object with a 'requests' array.");
        }
        if (requests.isEmpty()) {
            throw GraphException.badRequest("A $batch request must contain at least one request.");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw GraphException.badRequest("The number of batch requests (" + requests.size()
                + ") exceeds the limit of " + MAX_REQUESTS + ".");
        }
        Set<String> ids = new HashSet<>();
        int i = 0;
        for (JsonNode item : requests) {
            String where = "requests[" + i++ + "]";
            if (!item.isObject()) {
                throw GraphException.badRequest(where + " is not an object.");
            }
            for (String field : List.of("id", "method", "url")) {
                JsonNode v = item.get(field);
                if (v == null || !(v.isTextual() || field.equals("id") && v.isIntegralNumber()) || v.asText().isEmpty()) {
                    throw GraphException.badRequest(where + " lacks the string '" + field + "'.");
                }
            }
            if (!ids.add(item.get("id").asText())) {
                throw GraphException.badRequest("The batch request id '" + item.get("id").asText()
                    + "' is used more than once; ids must be unique.");
            }
            if (item.has("headers") && !item.get("headers").isObject()) {
                throw GraphException.badRequest(where + ".headers must be an object.");
            }
        }
        ObjectNode reply = Json.object();
        ArrayNode responses = reply.putArray("responses");
        for (JsonNode item : requests) {
            responses.add(item(outer, item));
        }
        return SandboxResponse.of(200, reply);
    }

    private ObjectNode item(SandboxRequest outer, JsonNode item) {
        TreeMap<String, String> headers = SandboxRequest.headerMap();
        item.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        // items are answered as if sent where the batch was: their links name the same host
        if (outer.header("Host") != null) {
            headers.put("Host", outer.header("Host"));
        }
        String requestId = RequestIds.next();
        String clientRequestId = headers.getOrDefault("client-request-id", outer.clientRequestId());
        SandboxResponse r = answer(item, headers, requestId, clientRequestId);
        ObjectNode o = Json.object();
        o.put("id", item.get("id").asText());
        o.put("status", r.status());
        ObjectNode h = o.putObject("headers");
        r.headers().forEach(h::put);
        if (r.body() != null) {
            h.put("Content-Type", "application/json");
            o.set("body", r.body());
        }
        return o;
    }

    private SandboxResponse answer(JsonNode item, TreeMap<String, String> headers, String requestId,
                                   String clientRequestId) {
        try {
            switch (chaos.batchItem()) {
                case THROTTLE -> throw Faults.throttled(chaos);
                case ERROR -> throw Faults.unavailable();
                default -> { }
            }
            JsonNode body = item.get("body");
            boolean hasBody = body != null && !body.isNull();
            if (hasBody && !headers.containsKey("Content-Type")) {
                throw GraphException.badRequest("A batch request with a body must have a Content-Type header.");
            }
            String url = item.get("url").asText();
            if (url.contains("://")) {
                throw GraphException.badRequest("A batch request url must be relative, such as"
                    + " /users/{id}/profile/positions/{positionId}.");
            }
            int q = url.indexOf('?');
            String rawPath = "/" + stripLeadingSlash(q < 0 ? url : url.substring(0, q));
            int hash = rawPath.indexOf('#');
            if (hash >= 0) {
                rawPath = rawPath.substring(0, hash);
            }
            SandboxRequest r = new SandboxRequest(item.get("method").asText().toUpperCase(java.util.Locale.ROOT),
                PathCodec.segments(rawPath), rawPath, PathCodec.query(q < 0 ? null : url.substring(q + 1)),
                headers, null, hasBody ? body : null, requestId, clientRequestId);
            return router.handle(r);
        } catch (GraphException e) {
            return GraphErrors.response(e, requestId, clientRequestId);
        }
    }

    private static String stripLeadingSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }
}
