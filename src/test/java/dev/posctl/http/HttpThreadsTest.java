package dev.posctl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HttpThreadsTest {
    static List<String> selectors() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
            .map(Thread::getName).sorted().collect(Collectors.toList());
    }

    /** A live client keeps a selector thread in native code, which JDK 17 waits 300 ms for at exit; release ends it. */
    @Test
    void releaseEndsTheSelectorThreadOfThatClientOnly() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            List<String> before = selectors();
            HttpClient mine = HttpClient.newHttpClient();
            HttpClient other = HttpClient.newHttpClient();
            for (HttpClient c : List.of(mine, other)) {
                assertEquals(204, c.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            List<String> started = new ArrayList<>(selectors());
            started.removeAll(before);
            assertEquals(2, started.size(), "each client runs a selector thread: " + started);
            HttpThreads.release(mine);
            List<String> left = new ArrayList<>(selectors());
            left.removeAll(before);
            assertEquals(1, left.size(), "only the released client's thread ended: " + left);
            assertEquals(204, other.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            HttpThreads.release(other);
            List<String> none = new ArrayList<>(selectors());
            none.removeAll(before);
            assertEquals(List.of(), none);
        } finally {
            server.stop(0);
        }
    }
}
