package dev.posctl.auth;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Why a sign-in service could not be reached, in the words curl uses: the JDK's client often says
 * only "ConnectException" and hides the reason in a cause.
 */
final class Unreachable {
    private Unreachable() {}

    static String describe(URI uri, IOException e) {
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
        return "sign-in at " + uri + " failed: " + reason(host, host + ":" + port, e);
    }

    private static String reason(String host, String hostPort, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "cannot resolve host " + host;
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "cannot connect to " + hostPort + " (timed out)";
            }
            if (t instanceof HttpTimeoutException) {
                return hostPort + " did not answer in time";
            }
            if (t instanceof NoRouteToHostException) {
                return "cannot connect to " + hostPort + " (no route to host)";
            }
            if (t instanceof SSLException) {
                String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                return "TLS with " + hostPort + " failed" + (m.contains("pkix") || m.contains("certification path")
                    ? ": its certificate is not trusted" : m.contains("subject alternative") ? ": its certificate is for another host" : "");
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                String m = t.getMessage();
                boolean plain = m != null && !m.isBlank() && !m.contains("Exception");
                return "cannot connect to " + hostPort + " (" + (plain ? m.toLowerCase(Locale.ROOT) : "connection refused") + ")";
            }
        }
        String m = e.getMessage();
        boolean plain = m != null && !m.isBlank() && !m.contains("Exception") && !m.contains("java.");
        return "cannot talk to " + hostPort + (plain ? " (" + m + ")" : " (the connection failed)");
    }
}
