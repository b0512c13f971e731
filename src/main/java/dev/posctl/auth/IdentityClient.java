package dev.posctl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.BoundedBody;
import dev.posctl.http.HttpThreads;
import dev.posctl.http.Loopback;
import dev.posctl.http.ProxySettings;
import dev.posctl.json.JsonTrees;
import dev.posctl.output.TerminalText;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Microsoft identity platform v2 endpoints of one tenant: {@code {authority}/{tenant}/oauth2/v2.0/}.
 * Form posts only; what is sent (secrets, codes) is never part of an error message.
 */
public final class IdentityClient implements AutoCloseable {
    /** Sign-in answers are a few kilobytes. */
    static final long MAX_ANSWER = 1 << 20;
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final URI base;
    private final HttpClient http;
    private final java.util.concurrent.ScheduledThreadPoolExecutor watchdog = HttpThreads.watchdog();

    /** An error the token endpoint answered with, such as authorization_pending. */
    public static final class OAuthError extends RuntimeException {
        private final String error;

        OAuthError(String error, String description) {
            super(TerminalText.escape(error) + (description != null ? ": " + TerminalText.escape(firstLine(description)) : ""));
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    /** @param authority such as https://login.microsoftonline.com; http only to loopback unless insecure */
    public IdentityClient(String authority, String tenant, ProxySettings proxy, boolean insecureHttp) {
        URI a;
        try {
            a = new URI(authority.endsWith("/") ? authority : authority + "/");
        } catch (Exception e) {
            throw new PosctlException(ExitCode.CONFIG, "authority \"" + authority + "\" is not a URL");
        }
        if (a.getHost() == null || !("https".equals(a.getScheme()) || "http".equals(a.getScheme()))) {
            throw new PosctlException(ExitCode.CONFIG, "authority \"" + authority + "\" is not an http(s) URL");
        }
        if ("http".equals(a.getScheme()) && !insecureHttp && !Loopback.isLoopback(a)) {
            throw new PosctlException(ExitCode.CONFIG, "refusing to send credentials over plain http:// to " + a.getHost()
                + "; use https:// (plain http is allowed only to localhost, or with --insecure-http)");
        }
        this.base = a.resolve(URLEncoder.encode(tenant, StandardCharsets.UTF_8) + "/oauth2/v2.0/");
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER);
        this.http = (proxy != null ? proxy.apply(b) : b).build();
    }

    /** Ends the client's selector thread (see HttpThreads: on JDK 17 it would hold the exit up). */
    @Override
    public void close() {
        HttpThreads.release(http);
        watchdog.shutdownNow();
    }

    public URI tokenEndpoint() {
        return base.resolve("token");
    }

    public URI deviceCodeEndpoint() {
        return base.resolve("devicecode");
    }

    public JsonNode token(Map<String, String> form) {
        return post(tokenEndpoint(), form);
    }

    public JsonNode deviceCode(Map<String, String> form) {
        return post(deviceCodeEndpoint(), form);
    }

    private JsonNode post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<byte[]> response;
        try {
            // an untrusted answer like any other: bounded in size, and the 30 s cover its body too
            response = http.send(request, BoundedBody.handler(MAX_ANSWER, System.nanoTime() + TIMEOUT.toNanos(), watchdog));
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BoundedBody.TooLarge) {
                    throw new PosctlException(ExitCode.AUTH, "POST " + uri + ": the answer is larger than " + (MAX_ANSWER >> 20)
                        + " MiB, far more than a sign-in answer; not read further");
                }
            }
            throw new PosctlException(ExitCode.UNREACHABLE, Unreachable.describe(uri, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PosctlException(ExitCode.INTERRUPTED, "interrupted");
        }
        JsonNode json;
        try {
            json = JsonTrees.read(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (json != null && json.hasNonNull("error")) {
            // the answer is untrusted and may quote what was sent: both fields lose the secrets
            String error = redact(json.get("error").asText(), form);
            String description = redact(json.path("error_description").asText(null), form);
            throw new OAuthError(error, description);
        }
        if (response.statusCode() / 100 != 2 || json == null || !json.isObject()) {
            throw new PosctlException(ExitCode.AUTH, "POST " + uri + " answered " + response.statusCode() + " without a usable JSON body");
        }
        return json;
    }

    private static String redact(String text, Map<String, String> form) {
        if (text == null) {
            return null;
        }
        String t = text;
        for (String secret : new String[] {"client_secret", "client_assertion", "refresh_token", "device_code"}) {
            String v = form.get(secret);
            if (v != null && !v.isEmpty()) {
                t = t.replace(v, "[REDACTED]").replace(URLEncoder.encode(v, StandardCharsets.UTF_8), "[REDACTED]");
            }
        }
        return t;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
