package dev.posctl.http;

import java.io.PrintWriter;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --debug}: every request and response on stderr, with the Authorization header and any
 * occurrence of the token redacted.
 */
public final class DebugLog {
    static final String REDACTED = "[REDACTED]";
    private final PrintWriter err;
    private final String secret;

    public DebugLog(PrintWriter err, String secret) {
        this.err = err;
        this.secret = secret;
    }

    public synchronized void request(String method, String uri, Map<String, String> headers, String body, int attempt) {
        err.println("> " + method + " " + uri + (attempt > 1 ? "  (attempt " + attempt + ")" : ""));
        headers.forEach((k, v) -> err.println("> " + k + ": " + header(k, v)));
        if (body != null) {
            err.println("> " + redact(body));
        }
        err.flush();
    }

    public synchronized void response(int status, long millis, HttpHeaders headers, String body) {
        err.println("< " + status + " (" + millis + " ms)");
        for (Map.Entry<String, List<String>> h : headers.map().entrySet()) {
            for (String v : h.getValue()) {
                err.println("< " + h.getKey() + ": " + header(h.getKey(), v));
            }
        }
        if (body != null && !body.isEmpty()) {
            err.println("< " + redact(body));
        }
        err.flush();
    }

    public synchronized void failure(String method, String uri, long millis, Exception e) {
        err.println("< " + method + " " + uri + " failed after " + millis + " ms: " + redact(String.valueOf(e)));
        err.flush();
    }

    String header(String name, String value) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("authorization") || n.equals("proxy-authorization") || n.equals("cookie") || n.equals("set-cookie")) {
            int space = value.indexOf(' ');
            return space > 0 ? value.substring(0, space) + " " + REDACTED : REDACTED;
        }
        return redact(value);
    }

    String redact(String s) {
        return redact(s, secret);
    }

    /**
     * The text with every occurrence of the secret replaced. Secrets shorter than 8 characters
     * (test tokens such as "t") are left alone: replacing them would garble every word that holds them.
     */
    static String redact(String s, String secret) {
        return s == null || secret == null || secret.length() < 8 ? s : s.replace(secret, REDACTED);
    }

    /** The same for a body as received: decoded and encoded again only when it holds the secret (rare). */
    static byte[] redact(byte[] body, String secret) {
        if (body == null || secret == null || secret.length() < 8) {
            return body;
        }
        byte[] s = secret.getBytes(StandardCharsets.UTF_8);
        if (indexOf(body, s) < 0) {
            return body;
        }
        return redact(new String(body, StandardCharsets.UTF_8), secret).getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        byte first = needle[0];
        int last = hay.length - needle.length;
        for (int i = 0; i <= last; i++) {
            if (hay[i] != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && hay[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }
}
