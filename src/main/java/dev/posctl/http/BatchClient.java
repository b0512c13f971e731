package dev.posctl.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.RequestIds;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Graph JSON batching: up to 20 requests in one {@code POST /$batch}. Items the service throttles
 * (429) or cannot serve (503, 504) are sent again on their own schedule, honouring the item's
 * Retry-After; every other item answer is final. A POST item is sent again only after a 429 with
 * Retry-After, the one answer that says it was not done.
 */
public final class BatchClient {
    public static final int MAX_ITEMS = 20;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One request inside a batch; {@code url} is relative to the version root ({@code /users/x/profile/positions/y}). */
    public record Item(String method, String url, JsonNode body) {}

    private final GraphClient client;
    private final GraphPaths paths;
    private final HttpSettings settings;
    private final Clock clock;

    public BatchClient(GraphClient client, GraphPaths paths, HttpSettings settings, Clock clock) {
        this.client = client;
        this.paths = paths;
        this.settings = settings;
        this.clock = clock;
    }

    /** The answers, in the order of the items. */
    public List<GraphResponse> execute(List<Item> items) {
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_ITEMS + " requests");
        }
        GraphResponse[] answers = new GraphResponse[items.size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            pending.add(i);
        }
        Instant deadline = clock.instant().plus(settings.retryBudget());
        // the whole $batch is as safe to repeat as its least safe item: a POST inside must not run twice
        boolean idempotent = items.stream().noneMatch(i -> "POST".equalsIgnoreCase(i.method()));
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            boolean last = attempt > settings.maxRetries();
            GraphResponse outer = client.send("POST", URI.create(paths.base() + "/$batch"), body(items, pending), idempotent);
            if (!outer.ok() || outer.body() == null || !outer.body().path("responses").isArray()) {
                for (int i : pending) {
                    answers[i] = outer.ok() ? synthetic(items.get(i), 502, "the $batch answer has no responses") : copy(items.get(i), outer);
                }
                return List.of(answers);
            }
            Duration wait = Duration.ZERO;
            List<Integer> again = new ArrayList<>();
            Map<String, JsonNode> responses = byId(outer.body().get("responses"));
            for (int i : pending) {
                JsonNode r = responses.get(Integer.toString(i));
                if (r == null) {
                    answers[i] = synthetic(items.get(i), 502, "the $batch answer has no response for this request");
                    continue;
                }
                int status = r.path("status").asInt(500);
                JsonNode headers = r.path("headers");
                String retryAfter = header(headers, "Retry-After");
                boolean retryable = "POST".equalsIgnoreCase(items.get(i).method())
                    ? status == 429 && retryAfter != null
                    : status == 429 || status == 503 || status == 504;
                if (retryable && !last) {
                    Duration asked = RetryAfter.parse(retryAfter, clock.instant());
                    Duration w = asked != null ? asked : Backoff.delay(settings, attempt);
                    if (!clock.instant().plus(w).isAfter(deadline)) {
                        wait = w.compareTo(wait) > 0 ? w : wait;
                        again.add(i);
                        continue;
                    }
                }
                Item item = items.get(i);
                JsonNode body = r.get("body");
                answers[i] = new GraphResponse(item.method(), item.url(), status, body == null || body.isNull() ? null : body,
                    header(headers, "request-id") != null ? header(headers, "request-id") : outer.requestId(),
                    header(headers, "client-request-id"), attempt);
            }
            pending = again;
            if (!pending.isEmpty()) {
                Backoff.sleep(wait);
            }
        }
        return List.of(answers);
    }

    private ObjectNode body(List<Item> items, List<Integer> which) {
        ObjectNode root = NODES.objectNode();
        ArrayNode requests = root.putArray("requests");
        for (int i : which) {
            Item item = items.get(i);
            ObjectNode r = requests.addObject();
            r.put("id", Integer.toString(i));
            r.put("method", item.method());
            r.put("url", item.url());
            ObjectNode h = r.putObject("headers");
            h.put("client-request-id", RequestIds.next());
            if (item.body() != null) {
                h.put("Content-Type", "application/json");
                r.set("body", item.body());
            }
        }
        return root;
    }

    /** The answers come in any order; a repeated id keeps its first answer. */
    private static Map<String, JsonNode> byId(JsonNode responses) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode r : responses) {
            out.putIfAbsent(r.path("id").asText(), r);
        }
        return out;
    }

    private static String header(JsonNode headers, String name) {
        for (var it = headers.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().asText();
            }
        }
        return null;
    }

    private static GraphResponse copy(Item item, GraphResponse outer) {
        return new GraphResponse(item.method(), item.url(), outer.status(), outer.body(), outer.requestId(),
            outer.clientRequestId(), outer.attempts());
    }

    private static GraphResponse synthetic(Item item, int status, String message) {
        ObjectNode body = NODES.objectNode();
        body.putObject("error").put("code", "badBatchResponse").put("message", message);
        return new GraphResponse(item.method(), item.url(), status, body, null, null, 1);
    }


}
