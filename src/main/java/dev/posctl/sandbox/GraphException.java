package dev.posctl.sandbox;

import java.util.Map;

/**
 * A failure the handlers answer with a Graph error body. Thrown rather than returned so that
 * validation deep in a body walk can stop the request in one line.
 */
final class GraphException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final transient Map<String, String> headers;

    GraphException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    GraphException(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    static GraphException badRequest(String message) {
        return new GraphException(400, "BadRequest", message);
    }

    static GraphException notFound(String message) {
        return new GraphException(404, "itemNotFound", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }
}
