package dev.posctl.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Graph error body read for people: code, message, request id and date (support asks for the
 * last two), and for 401/403 the permission that is most likely missing.
 */
public record GraphError(int status, String code, String message, String requestId, String date) {

    public static GraphError of(GraphResponse r) {
        JsonNode e = r.body() == null ? null : r.body().get("error");
        String code = e == null ? null : text(e.get("code"));
        String message = e == null ? null : text(e.get("message"));
        JsonNode inner = e == null ? null : e.has("innerError") ? e.get("innerError") : e.get("innererror");
        String requestId = inner == null ? null : text(inner.get("request-id"));
        String date = inner == null ? null : text(inner.get("date"));
        return new GraphError(r.status(), code != null ? code : "HTTP" + r.status(),
            message != null ? message : defaultMessage(r.status()), requestId != null ? requestId : r.requestId(), date);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String defaultMessage(int status) {
        switch (status) {
            case 400: return "bad request";
            case 401: return "not signed in, or the token expired";
            case 403: return "forbidden";
            case 404: return "not found";
            case 429: return "too many requests (throttled)";
            case 503: return "service unavailable";
            case 504: return "gateway timeout";
            default: return "HTTP " + status;
        }
    }

    public boolean isAuth() {
        return status == 401 || status == 403;
    }

    /** One line: {@code 403 Authorization_RequestDenied: message (request-id X, date D); hint}. */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(status).append(' ').append(code).append(": ").append(message);
        sb.append(" (request-id ").append(requestId != null ? requestId : "none");
        if (date != null) {
            sb.append(", date ").append(date);
        }
        sb.append(')');
        String hint = hint();
        if (hint != null) {
            sb.append("; ").append(hint);
        }
        return sb.toString();
    }

    private String hint() {
        if (status == 401) {
            return "the token is missing, expired or not for Microsoft Graph: sign in again (posctl login) or give a new token (POSCTL_TOKEN)";
        }
        if (status == 403 || (status == 500 && message != null && message.toLowerCase().contains("unauthorized"))) {
            return "writing profile positions needs the delegated permission User.ReadWrite (your own profile) or"
                + " User.ReadWrite.All (other users); app-only tokens are not supported for positions";
        }
        return null;
    }
}
