package dev.posctl.sandbox;

import com.sun.net.httpserver.Headers;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the sandbox: programs on this machine, not web pages. Binding to loopback keeps
 * other machines out, but any page open in a local browser can still send a "simple" cross-site
 * POST (text/plain, no preflight) to 127.0.0.1, and a DNS-rebinding page can even read the answers.
 * Browsers always name the page's origin in {@code Origin} on such requests, and a rebound name
 * shows up in {@code Host}; command-line clients send neither an Origin nor a foreign Host.
 */
final class ForeignCallers {
    private final Set<String> ownHosts;
    private final Set<String> ownOrigins;

    ForeignCallers(int port) {
        String suffix = port == 80 ? "" : ":" + port;
        this.ownHosts = port == 80
            ? Set.of("127.0.0.1", "localhost", "[::1]", "127.0.0.1:80", "localhost:80", "[::1]:80")
            : Set.of("127.0.0.1" + suffix, "localhost" + suffix, "[::1]" + suffix);
        this.ownOrigins = Set.of("http://127.0.0.1" + suffix, "http://localhost" + suffix, "http://[::1]" + suffix);
    }

    /** @throws GraphException 403 for a request from a web page or to a name that is not loopback */
    void check(Headers h) {
        String host = h.getFirst("Host");
        if (host == null || !ownHosts.contains(host.trim().toLowerCase(Locale.ROOT))) {
            throw new GraphException(403, "accessDenied", "The sandbox answers only requests addressed to 127.0.0.1,"
                + " localhost or [::1] with its port; this request's Host header names another server (DNS rebinding?).");
        }
        // every Origin counts, even repeated or "null" (sandboxed frames, file: pages)
        if (h.containsKey("Origin")) {
            for (String origin : h.get("Origin")) {
                if (origin == null || !ownOrigins.contains(origin.trim().toLowerCase(Locale.ROOT))) {
                    throw new GraphException(403, "accessDenied", "The sandbox does not answer web pages: this request"
                        + " carries an Origin header, as browsers send for cross-site requests. Use posctl, curl or a"
                        + " script instead.");
                }
            }
        }
    }
}
