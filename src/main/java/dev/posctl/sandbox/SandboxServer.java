package dev.posctl.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded Graph-compatible server for profile positions: same routes and JSON as Graph beta,
 * bound to 127.0.0.1 only, because it has no real authentication and must never be reachable from
 * another machine. For the same reason it refuses web pages and rebound DNS names
 * ({@link ForeignCallers}) and closes connections that stall while sending a request ({@link ReadDeadline}).
 */
public final class SandboxServer implements AutoCloseable {
    private static final int THREADS = 64;
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ReadDeadline executor;
    private final SandboxStore store;
    private final SandboxOptions options;
    private final URI baseUri;

    private SandboxServer(HttpServer server, ReadDeadline executor, SandboxStore store, SandboxOptions options) {
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.options = options;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/beta");
    }

    /**
     * Opens the store (seeding a new data file with the demo data) and starts serving.
     *
     * @throws SandboxDataException when the data file is not sandbox data
     * @throws IOException          when the data file cannot be read or the port cannot be bound
     */
    public static SandboxServer start(SandboxOptions o) throws IOException {
        disableNagle();
        SandboxStore store = SandboxStore.open(o.dataFile());
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        HttpServer http = HttpServer.create(new InetSocketAddress(loopback, o.port()), 128);
        ReadDeadline executor = new ReadDeadline(Executors.newFixedThreadPool(THREADS, daemonThreads()), o.readTimeout());
        http.setExecutor(executor);
        SandboxServer s = new SandboxServer(http, executor, store, o);
        PositionHandlers positions = new PositionHandlers(store, s.baseUri.toString(), o.pageSize(),
            o.patchReturnsNoContent());
        Router router = new Router(positions, new UserHandlers(store, s.baseUri.toString(), o.pageSize()), o.meUser());
        http.createContext("/", new ExchangeHandler(router, new BatchHandler(router, o.chaos()), o.chaos(), o.token(),
            new ForeignCallers(s.port()), executor));
        http.start();
        return s;
    }

    /**
     * The JDK server writes the status line and the body in separate packets; with Nagle's algorithm
     * on, the body then waits for the client's delayed ACK, about 40 ms per request. The JDK reads
     * this property once, when its first server is created, so it is set before that unless the
     * user chose a value.
     */
    private static void disableNagle() {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "posctl-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** For example {@code http://127.0.0.1:41234/beta}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SandboxOptions options() {
        return options;
    }

    /** The data behind the server, for tests and tools that want to look without HTTP. */
    public SandboxStore store() {
        return store;
    }

    /** Stops at once; every mutation is already on disk, so nothing is lost. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
