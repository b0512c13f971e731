package dev.posctl.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A misbehaving HTTP/1.1 server on 127.0.0.1 for tests, on a raw ServerSocket so that it can do
 * what a polite server cannot: redirect, answer 2xx with a body that is not JSON, drip a body one
 * byte at a time, send an endless chunked body or a huge one, or answer 504 after it has done
 * what was asked (the test reads {@link #requests()} to see what it "did").
 *
 * <p>Every request is recorded as it arrived: method, request target (absolute when the client
 * treats this server as a proxy), headers and body. Set {@code HTTP_PROXY=} {@link #proxyUrl()} and
 * the same server is a recording forward proxy: it answers from its script instead of forwarding,
 * so a test sees which requests (and which Authorization headers) would have left the machine.
 * A {@code CONNECT} (https through the proxy) is recorded and refused with 403.
 *
 * <p>Answers come from a script, one per request in order, then from the fallback (404 by default).
 * The server is stopped by {@link #close()}, which also cuts every open connection.
 */
public final class HostileServer implements AutoCloseable {
    /** A request as it arrived. {@code target} is the raw request target: a path, or an absolute URL for a proxy. */
    public record Request(String method, String target, Map<String, String> headers, byte[] body) {
        /** A header by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Writes a whole answer (status line, headers, body) to the connection; may block or never end. */
    @FunctionalInterface
    public interface Answer {
        void write(Request request, OutputStream out) throws IOException, InterruptedException;
    }

    /** Chooses the answer for requests the script does not cover. */
    @FunctionalInterface
    public interface Responder {
        Answer answer(Request request);
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private volatile Responder fallback = r -> json(404, "{\"error\":{\"code\":\"itemNotFound\",\"message\":\"no script\"}}");

    public HostileServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        threads.execute(this::accept);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT/beta}: a Graph-like endpoint. */
    public String base() {
        return "http://127.0.0.1:" + port() + "/beta";
    }

    /** {@code http://127.0.0.1:PORT}: for HTTP_PROXY. */
    public String proxyUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Answers used in order, one per request, before the fallback applies. */
    public synchronized HostileServer then(Answer a) {
        script.add(a);
        return this;
    }

    public HostileServer fallback(Responder r) {
        this.fallback = r;
        return this;
    }

    public List<Request> requests() {
        return Collections.unmodifiableList(requests);
    }

    public List<Request> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    // ---- answers -------------------------------------------------------------------------------

    /** A complete answer with a Content-Length. */
    public static Answer bytes(int status, String contentType, byte[] body, Map<String, String> headers) {
        return (r, out) -> {
            Map<String, String> h = new LinkedHashMap<>(headers);
            if (contentType != null) {
                h.put("Content-Type", contentType);
            }
            h.put("Content-Length", Integer.toString(body.length));
            head(out, status, h);
            out.write(body);
            out.flush();
        };
    }

    public static Answer json(int status, String body) {
        return bytes(status, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A 2xx (or any) answer that says it is JSON and is not, such as an HTML login page. */
    public static Answer text(int status, String contentType, String body) {
        return bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A redirect (301, 302, 307, 308) to {@code location}. */
    public static Answer redirect(int status, String location) {
        return bytes(status, "text/plain", new byte[0], Map.of("Location", location));
    }

    /** {@code size} bytes of a JSON string, announced with Content-Length, written in 64 KiB pieces. */
    public static Answer huge(int status, long size) {
        return (r, out) -> {
            head(out, status, Map.of("Content-Type", "application/json", "Content-Length", Long.toString(size)));
            writeFiller(out, size);
        };
    }

    /** Like {@link #huge} without a Content-Length: chunked, so the size shows only while reading. */
    public static Answer hugeChunked(int status, long size) {
        return (r, out) -> {
            head(out, status, Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"));
            byte[] piece = filler(64 * 1024);
            for (long sent = 0; sent < size; sent += piece.length) {
                int n = (int) Math.min(piece.length, size - sent);
                chunk(out, piece, n);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        };
    }

    /** A chunked body that never ends: 64 KiB chunks until the client hangs up or the server stops. */
    public static Answer endlessChunked(int status) {
        return (r, out) -> {
            head(out, status, Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"));
            byte[] piece = filler(64 * 1024);
            while (true) {
                chunk(out, piece, piece.length);
            }
        };
    }

    /** Headers at once, then {@code body} one byte every {@code everyMillis}, announced with Content-Length. */
    public static Answer drip(int status, String body, long everyMillis) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return (r, out) -> {
            head(out, status, Map.of("Content-Type", "application/json", "Content-Length", Integer.toString(bytes.length)));
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(everyMillis);
            }
        };
    }

    /** Headers, then nothing: the body never comes and the connection stays open. */
    public static Answer stall(int status) {
        return (r, out) -> {
            head(out, status, Map.of("Content-Type", "application/json", "Content-Length", "100"));
            Thread.sleep(Long.MAX_VALUE);
        };
    }

    /** Writes a status line and headers; the body is up to the caller. */
    public static void head(OutputStream out, int status, Map<String, String> headers) throws IOException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(status < 400 ? "OK" : "Error").append("\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void chunk(OutputStream out, byte[] piece, int n) throws IOException {
        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(piece, 0, n);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void writeFiller(OutputStream out, long size) throws IOException {
        byte[] piece = filler(64 * 1024);
        for (long sent = 0; sent < size; sent += piece.length) {
            out.write(piece, 0, (int) Math.min(piece.length, size - sent));
        }
        out.flush();
    }

    /** Bytes that read as the start of a long JSON string, so a parser cannot stop early. */
    private static byte[] filler(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 'x');
        b[0] = '"';
        return b;
    }

    // ---- the server ----------------------------------------------------------------------------

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Keep-alive: requests on one connection until the client closes it or an answer fails. */
    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (true) {
                Request r = read(in);
                if (r == null) {
                    return;
                }
                requests.add(r);
                if (r.method().equals("CONNECT")) {
                    head(out, 403, Map.of("Content-Length", "0"));
                    return;
                }
                Answer a;
                synchronized (this) {
                    a = script.poll();
                }
                (a != null ? a : fallback.answer(r)).write(r, out);
            }
        } catch (SocketException e) {
            // the client hung up (a limit or a timeout did its job) or close() cut the connection
        } catch (IOException | RuntimeException e) {
            // a broken request: the connection just ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(s);
        }
    }

    private static Request read(InputStream in) throws IOException {
        String line = line(in);
        while (line != null && line.isEmpty()) {
            line = line(in);
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        byte[] body = new byte[0];
        String length = headers.get("content-length");
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(line(in).trim(), 16); n > 0; n = Integer.parseInt(line(in).trim(), 16)) {
                b.write(in.readNBytes(n));
                line(in);
            }
            line(in);
            body = b.toByteArray();
        }
        return new Request(parts[0], parts.length > 1 ? parts[1] : "", Collections.unmodifiableMap(headers), body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is best effort
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
        threads.shutdownNow();
    }
}
