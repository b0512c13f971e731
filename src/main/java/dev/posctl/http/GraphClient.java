package dev.posctl.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.core.RequestIds;
import dev.posctl.json.JsonTrees;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends Graph requests over java.net.http with the headers Graph expects, retrying throttling
 * (429), 503, 504 and connection failures with back-off that honours Retry-After, within a count
 * and a time budget.
 */
public final class GraphClient {
    private final HttpClient http;
    /**
     * The client's tasks (response bodies, completions) run on as many threads as there are cores,
     * at most 4: the default, a thread per concurrent exchange, spent a bulk run's CPU on switching
     * between 16 threads on 2 cores (measured: 10-15% of the client's CPU).
     */
    private final ThreadPoolExecutor pool = pool(Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** Ends response bodies that outlive --timeout (see BoundedBody); its one thread idles out. */
    private final ScheduledThreadPoolExecutor watchdog = HttpThreads.watchdog();
    private final String token;
    private final String userAgent;
    private final HttpSettings settings;
    private final DebugLog debug;
    private final Clock clock;

    public GraphClient(URI base, String token, String userAgent, HttpSettings settings, DebugLog debug, Clock clock) {
        this(base, token, userAgent, settings, debug, clock, null, false);
    }

    /**
     * @param proxy          proxies from the environment, or null for direct connections
     * @param allowPlainHttp send the token over http:// to any host (--insecure-http)
     */
    public GraphClient(URI base, String token, String userAgent, HttpSettings settings, DebugLog debug, Clock clock,
                       ProxySettings proxy, boolean allowPlainHttp) {
        requireSafeTransport(base, allowPlainHttp ? null : token);
        this.token = token;
        this.userAgent = userAgent;
        this.settings = settings;
        this.debug = debug;
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .version("https".equalsIgnoreCase(base.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER);
        builder.executor(pool);
        if ("http".equalsIgnoreCase(base.getScheme())) {
            builder.sslContext(PlainHttpTls.context());
        }
        this.http = (proxy != null ? proxy.apply(builder) : builder).build();
    }

    /** Ends the client's threads: the client must not be used afterwards. */
    public void close() {
        HttpThreads.release(http);
        pool.shutdown();
        watchdog.shutdownNow();
    }

    /** Idle threads end after a while, so that a client nobody closed holds none. */
    static ThreadPoolExecutor pool(int threads) {
        ThreadPoolExecutor p = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "posctl-http");
            t.setDaemon(true);
            return t;
        });
        p.allowCoreThreadTimeOut(true);
        return p;
    }

    /** A bearer token over plain http could be read by anyone on the path; only loopback is exempt. */
    static void requireSafeTransport(URI base, String token) {
        String scheme = base.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) || base.getHost() == null) {
            throw new PosctlException(ExitCode.CONFIG, "endpoint " + base + " is not an http(s) URL");
        }
        if (token != null && scheme.equalsIgnoreCase("http") && !Loopback.isLoopback(base)) {
            throw new PosctlException(ExitCode.CONFIG, "refusing to send a token over plain http:// to " + base.getHost()
                + "; use https:// (plain http is allowed only to localhost)");
        }
    }

    public GraphResponse get(URI uri) {
        return send("GET", uri, null, true);
    }

    public GraphResponse patch(URI uri, JsonNode body) {
        return send("PATCH", uri, body, true);
    }

    public GraphResponse post(URI uri, JsonNode body) {
        return send("POST", uri, body, false);
    }

    public GraphResponse delete(URI uri) {
        return send("DELETE", uri, null, true);
    }

    /** The headers a request carries, as --dry-run shows them (token redacted). */
    public Map<String, String> headers(String clientRequestId, boolean body, boolean redacted) {
        Map<String, String> h = new LinkedHashMap<>();
        if (token != null) {
            h.put("Authorization", "Bearer " + (redacted ? DebugLog.REDACTED : token));
        }
        h.put("Accept", "application/json");
        if (body) {
            h.put("Content-Type", "application/json");
        }
        h.put("client-request-id", clientRequestId);
        h.put("User-Agent", userAgent);
        return h;
    }

    /**
     * Sends with retries. {@code idempotent} requests are also retried after a failure that may have
     * reached the server; others only when the request demonstrably was not processed (no
     * connection, or 429 with Retry-After), because a retry could do it twice: a failure after
     * sending is an {@link OutcomeUnknown}, and a 5xx answer is returned as it is.
     */
    public GraphResponse send(String method, URI uri, JsonNode body, boolean idempotent) {
        // bytes both ways: no String decoding and re-encoding of every body in a bulk run
        byte[] bodyBytes = body == null ? null : JsonTrees.bytes(body);
        Instant deadline = clock.instant().plus(settings.retryBudget());
        int attempt = 0;
        while (true) {
            attempt++;
            String clientRequestId = RequestIds.next();
            Map<String, String> headers = headers(clientRequestId, bodyBytes != null, false);
            HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .method(method, bodyBytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bodyBytes));
            headers.forEach(rb::header);
            if (debug != null) {
                debug.request(method, uri.toString(), headers(clientRequestId, bodyBytes != null, true),
                    bodyBytes == null ? null : new String(bodyBytes, StandardCharsets.UTF_8), attempt);
            }
            long started = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                // send, not sendAsync: on JDK 17 the public sendAsync completes through the common pool,
                // which on 2 cores starts a thread per completion (measured: 0.5 s more for 10,000 edits);
                // the body's own deadline (BoundedBody) makes --timeout cover the whole exchange
                response = http.send(rb.build(), BoundedBody.handler(settings.maxResponseBytes(),
                    started + settings.requestTimeout().toNanos(), watchdog));
            } catch (IOException e) {
                long ms = (System.nanoTime() - started) / 1_000_000;
                if (debug != null) {
                    debug.failure(method, uri.toString(), ms, e);
                }
                if (tooLarge(e)) {
                    throw new PosctlException(ExitCode.REJECTED, method + " " + uri + ": the answer is larger than the limit of "
                        + Sizes.show(settings.maxResponseBytes()) + " (--max-response-size); not read further");
                }
                if (unresolved(e)) {
                    // a name that does not resolve now will not in a second either: say so at once, as curl does
                    throw new PosctlException(ExitCode.UNREACHABLE, method + " " + uri + ": " + describe(e, uri));
                }
                boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                Duration wait = Backoff.delay(settings, attempt);
                if (!idempotent && !neverSent) {
                    throw new OutcomeUnknown(method + " " + uri + ": " + describe(e, uri) + " after the request was sent");
                }
                if (attempt > settings.maxRetries() || clock.instant().plus(wait).isAfter(deadline)) {
                    throw new PosctlException(ExitCode.UNREACHABLE, method + " " + uri + ": " + describe(e, uri)
                        + (attempt > 1 ? " (after " + attempt + " attempts)" : ""), e);
                }
                Backoff.sleep(wait);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PosctlException(ExitCode.INTERRUPTED, "interrupted", e);
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            // every answer is untrusted: one that echoes the token must not get it printed, data or not
            byte[] received = DebugLog.redact(response.body(), token);
            if (debug != null) {
                debug.response(response.statusCode(), ms, response.headers(), new String(received, StandardCharsets.UTF_8));
            }
            int status = response.statusCode();
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            boolean retryable = idempotent ? status == 429 || status == 503 || status == 504 : status == 429 && retryAfter != null;
            if (retryable && attempt <= settings.maxRetries()) {
                Duration asked = RetryAfter.parse(retryAfter, clock.instant());
                Duration wait = asked != null ? asked : Backoff.delay(settings, attempt);
                if (!clock.instant().plus(wait).isAfter(deadline)) {
                    Backoff.sleep(wait);
                    continue;
                }
            }
            return new GraphResponse(method, uri.toString(), status, parse(received),
                response.headers().firstValue("request-id").orElse(null), clientRequestId, attempt);
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLarge) {
                return true;
            }
        }
        return false;
    }

    private static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private String describe(IOException e, URI uri) {
        if (unresolved(e)) {
            return "cannot resolve host " + uri.getHost();
        }
        if (e instanceof ConnectException) {
            // the JDK says "Connection refused", or nothing at all
            String why = e.getMessage() != null ? e.getMessage().toLowerCase(java.util.Locale.ROOT) : "connection refused";
            return "cannot connect to " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + " (" + NextLink.shown(why) + ")";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "timed out: cannot connect within " + seconds(settings.connectTimeout()) + " (--connect-timeout)";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out: no complete answer within " + seconds(settings.requestTimeout()) + " (--timeout)";
        }
        // the server's side of the text may be anything: keep it to one short line
        return e.getMessage() != null ? NextLink.shown(e.getMessage()) : "the connection failed";
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JsonTrees.read(body);
        } catch (IOException e) {
            return null;
        }
    }
}
