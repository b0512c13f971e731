package dev.posctl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over TLS the client's handshake and record work runs on GraphClient's own small executor: many
 * concurrent requests must all complete on it (a pool that could starve would hang here).
 */
class GraphClientTlsTest {
    @TempDir
    Path dir;

    @Test
    void concurrentRequestsOverTlsAllComplete() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
            "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
            "-storepass", "changeit").redirectErrorStream(true).start();
        String keytoolOutput = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, keytoolOutput);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        ExecutorService handlers = Executors.newFixedThreadPool(8);
        server.setExecutor(handlers);
        server.createContext("/", x -> {
            byte[] body = ("{\"path\":\"" + x.getRequestURI().getRawPath() + "\",\"auth\":" + (x.getRequestHeaders().getFirst("Authorization") != null)
                + "}").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        SSLContext before = SSLContext.getDefault();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        GraphClient client = null;
        try {
            SSLContext.setDefault(clientTls);
            client = new GraphClient(URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/beta"), "a-real-length-token",
                "posctl-test", HttpSettings.defaults(), null, Clock.systemUTC());
            GraphPaths paths = new GraphPaths(URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/beta"), PathStyle.graph);
            List<Future<GraphResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                GraphClient c = client;
                String id = "p" + i;
                answers.add(callers.submit(() -> c.get(paths.position("u", id))));
            }
            for (int i = 0; i < answers.size(); i++) {
                GraphResponse r = answers.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(200, r.status());
                assertEquals("/beta/users/u/profile/positions/p" + i, r.body().get("path").asText());
                assertTrue(r.body().get("auth").asBoolean(), "the token went along");
            }
        } finally {
            SSLContext.setDefault(before);
            if (client != null) {
                client.close();
            }
            callers.shutdownNow();
            server.stop(0);
            handlers.shutdownNow();
        }
    }
}
