package dev.posctl.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.posctl.core.RequestIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP edge: request ids, refusing web pages, body reading, chaos, authentication, then the
 * router or the batch handler. Nothing thrown below reaches the JDK server: it would drop the
 * connection silently.
 */
final class ExchangeHandler implements HttpHandler {
    private static final int MAX_BODY = 8 * 1024 * 1024;
    private static final byte[] TOO_LARGE = ("{\"error\":{\"code\":\"serviceUnavailable\",\"message\":\"The sandbox ran out of"
        + " memory writing this answer; send fewer items per batch, or give the sandbox more heap.\"}}")
        .getBytes(StandardCharsets.UTF_8);

    private final Router router;
    private final BatchHandler batch;
    private final Chaos chaos;
    private final String token;
    private final ForeignCallers callers;
    private final ReadDeadline deadline;

    ExchangeHandler(Router router, BatchHandler batch, Chaos chaos, String token, ForeignCallers callers,
                    ReadDeadline deadline) {
        this.router = router;
        this.batch = batch;
        this.chaos = chaos;
        this.token = token;
        this.callers = callers;
        this.deadline = deadline;
    }

    @Override
    public void handle(HttpExchange ex) {
        String requestId = RequestIds.next();
        String given = ex.getRequestHeaders().getFirst("client-request-id");
        String clientRequestId = given == null || given.isBlank() ? RequestIds.next() : given;
        SandboxResponse response;
        try {
            // before the body is read and before anything else: a refused request changes nothing
            callers.check(ex.getRequestHeaders());
            byte[] body = readBody(ex);
            if (!deadline.requestRead()) {
                // too slow: the connection is already closed, and this request must not run late
                ex.close();
                return;
            }
            String rawPath = ex.getRequestURI().getRawPath();
            List<String> segments = PathCodec.segments(rawPath);
            boolean isBatch = segments.size() == 2 && segments.get(0).equals("beta") && segments.get(1).equals("$batch");
            long delay = chaos.latencyMillis();
            if (delay > 0) {
                Thread.sleep(delay);
            }
            Chaos.Fault fault = isBatch ? chaos.batchEnvelope() : chaos.request();
            if (fault == Chaos.Fault.RESET) {
                // no status line at all: the client sees a dropped connection, as with a flaky proxy
                ex.close();
                return;
            }
            authenticate(ex);
            if (fault == Chaos.Fault.THROTTLE) {
                throw Faults.throttled(chaos);
            }
            if (fault == Chaos.Fault.ERROR) {
                throw Faults.unavailable();
            }
            if (segments.isEmpty() || !segments.get(0).equals("beta")) {
                throw new GraphException(404, "ResourceNotFound", "Only /beta is served by the sandbox.");
            }
            SandboxRequest r = new SandboxRequest(ex.getRequestMethod().toUpperCase(Locale.ROOT),
                segments.subList(1, segments.size()), belowBeta(rawPath),
                PathCodec.query(ex.getRequestURI().getRawQuery()), headers(ex.getRequestHeaders()),
                body, null, requestId, clientRequestId);
            response = isBatch ? batch.handle(r) : router.handle(r);
        } catch (GraphException e) {
            response = GraphErrors.response(e, requestId, clientRequestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
            return;
        } catch (Exception | Error e) {
            response = GraphErrors.response(500, "generalException",
                "An internal error occurred in the sandbox while handling the request.", Map.of(),
                requestId, clientRequestId);
        }
        write(ex, response, requestId, clientRequestId);
    }

    /** The raw path after its first segment, found by position since "beta" may arrive encoded. */
    private static String belowBeta(String rawPath) {
        int slash = rawPath.indexOf('/', 1);
        return slash < 0 ? "" : rawPath.substring(slash);
    }

    private void authenticate(HttpExchange ex) {
        if (token == null) {
            return;
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || auth.isBlank()) {
            throw new GraphException(401, "InvalidAuthenticationToken", "Access token is empty.",
                Map.of("WWW-Authenticate", "Bearer realm=\"posctl sandbox\""));
        }
        boolean bearer = auth.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!bearer || !auth.substring(7).trim().equals(token)) {
            throw new GraphException(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.",
                Map.of("WWW-Authenticate", "Bearer realm=\"posctl sandbox\", error=\"invalid_token\""));
        }
    }

    private static TreeMap<String, String> headers(Headers h) {
        TreeMap<String, String> out = SandboxRequest.headerMap();
        h.forEach((k, v) -> {
            if (k != null && !v.isEmpty()) {
                out.put(k, v.get(0));
            }
        });
        return out;
    }

    private static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new GraphException(413, "RequestEntityTooLarge", "The request body exceeds "
                    + MAX_BODY / (1024 * 1024) + " MB.");
            }
            return b;
        }
    }

    private static void write(HttpExchange ex, SandboxResponse r, String requestId, String clientRequestId) {
        try {
            Headers h = ex.getResponseHeaders();
            r.headers().forEach(h::set);
            h.set("request-id", requestId);
            h.set("client-request-id", clientRequestId);
            if (r.body() == null) {
                ex.sendResponseHeaders(r.status(), -1);
            } else {
                int status = r.status();
                byte[] bytes;
                try {
                    bytes = Json.bytes(r.body());
                } catch (OutOfMemoryError e) {
                    // an answer too large for the heap (many huge positions in one batch): the request
                    // fails, the server lives on
                    status = 503;
                    bytes = TOO_LARGE;
                }
                h.set("Content-Type", "application/json");
                ex.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away; nothing useful can be answered
        } finally {
            ex.close();
        }
    }
}
