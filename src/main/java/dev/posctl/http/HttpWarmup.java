package dev.posctl.http;

import dev.posctl.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Makes java.net.http ready for a command's first request while the main thread is still building
 * and parsing the command line: on a fresh JVM the first exchange loads and links some hundreds of
 * classes and spins method handles (measured on JDK 17: building the client 17 ms, the first GET 20
 * ms more than the next request), work that a second core can do meanwhile. It sends one PATCH from a
 * throwaway client to a socket of its own on loopback, the path GraphClient takes, and, when the
 * endpoint may be https, loads the default TLS context (the trust store) and writes a ClientHello.
 * Nothing leaves the machine, no token is involved, and any failure only means no warm-up.
 */
public final class HttpWarmup {
    private final Thread thread;
    private volatile ServerSocket server;
    private volatile Socket peer;
    private volatile HttpClient client;
    private volatile boolean stopped;
    private volatile boolean exchanged;

    private HttpWarmup(boolean tls) {
        thread = new Thread(() -> run(tls), "posctl-http-warmup");
        thread.setDaemon(true);
    }

    /**
     * Whether the machine is calm enough for the warm-up to pay: the 1-minute load average (Linux)
     * is at most 3 per core. One update on 2 shared cores, interleaved, median of 15 on Java 17: at
     * load 4-6, 240 ms with the warm-up and 290 ms without; at load 20 it only took CPU from the
     * command, 1.44 s against 0.92 s. One core gets nothing done in parallel.
     */
    public static boolean pays(String loadavg, int cores) {
        if (cores < 2) {
            return false;
        }
        if (loadavg == null) {
            return true;
        }
        try {
            int end = loadavg.indexOf(' ');
            return Double.parseDouble(end < 0 ? loadavg.trim() : loadavg.substring(0, end)) <= 3.0 * cores;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The first line of /proc/loadavg, or null where there is none. */
    public static String loadavg() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg")), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Starts the warm-up on a daemon thread; {@code tls}: the endpoint may be https. */
    public static HttpWarmup start(boolean tls) {
        HttpWarmup w = new HttpWarmup(tls);
        w.thread.start();
        return w;
    }

    /**
     * Ends the warm-up if it still runs, before the process exits: JDK 17's exit waits up to 300 ms
     * for a thread blocked in native code, such as one in accept or a client's selector.
     */
    public void stop() {
        stopped = true;
        close(server);
        close(peer);
        HttpClient c = client;
        if (c != null) {
            HttpThreads.release(c);
        }
    }

    /** Whether the warm-up ended within the time (for the cache training and tests). */
    public boolean ended(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /** Whether the warm-up's request got its answer (for tests). */
    boolean exchanged() {
        return exchanged;
    }

    private void run(boolean tls) {
        try (ServerSocket s = new ServerSocket()) {
            server = s;
            if (stopped) {
                return;
            }
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            s.setSoTimeout(2000);
            exchange(s);
            if (tls && !stopped) {
                helloTls();
            }
        } catch (Exception | LinkageError e) {
            // a warm-up that cannot run costs the command nothing but the time it would have saved
        } finally {
            HttpClient c = client;
            if (c != null) {
                HttpThreads.release(c);
            }
        }
    }

    private void exchange(ServerSocket s) throws Exception {
        ThreadPoolExecutor pool = GraphClient.pool(1);
        ScheduledThreadPoolExecutor watchdog = HttpThreads.watchdog();
        try {
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).executor(pool).sslContext(PlainHttpTls.context()).build();
            if (stopped) {
                return;
            }
            byte[] body = JsonTrees.bytes(JsonTrees.read("{\"detail\":{\"jobTitle\":\"warm-up\"}}"));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.getLocalPort() + "/warm-up"))
                .timeout(Duration.ofSeconds(2)).method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Accept", "application/json").header("Content-Type", "application/json").build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, BoundedBody.handler(1 << 16, deadline, watchdog));
            try (Socket p = s.accept()) {
                peer = p;
                if (stopped) {
                    return;
                }
                p.setSoTimeout(2000);
                readRequest(p.getInputStream(), body.length);
                String json = "{\"id\":\"warm-up\"}";
                p.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + json.length()
                    + "\r\n\r\n" + json).getBytes(StandardCharsets.US_ASCII));
                p.getOutputStream().flush();
                exchanged = JsonTrees.read(answer.get(2, TimeUnit.SECONDS).body()) != null;
            }
        } finally {
            pool.shutdown();
            watchdog.shutdownNow();
        }
    }

    /** Reads the request head and its body, so that the client sees its request taken whole. */
    private static void readRequest(InputStream in, int bodyLength) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the warm-up request ended early");
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        in.readNBytes(bodyLength);
    }

    /** Loads the trust store and the handshake code, as the first https request would. */
    private static void helloTls() throws Exception {
        SSLEngine engine = SSLContext.getDefault().createSSLEngine("graph.microsoft.com", 443);
        engine.setUseClientMode(true);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        engine.closeOutbound();
    }

    private static void close(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // closing only wakes the warm-up's accept or read; nothing else uses these sockets
            }
        }
    }
}
