package dev.posctl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.cli.Cli;
import dev.posctl.http.RecordingServer.Answer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxySettingsTest {
    @TempDir
    Path dir;

    @Test
    void schemesPickTheirVariableAndNoProxyBypasses() {
        ProxySettings p = ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://secure:3128", "http_proxy", "plain:8080",
            "NO_PROXY", "localhost, .internal.example,intranet.example:8443"));
        assertEquals(URI.create("http://secure:3128"), p.proxyFor(URI.create("https://graph.microsoft.com/beta")));
        assertEquals(URI.create("http://plain:8080"), p.proxyFor(URI.create("http://graph.example/beta")));
        assertNull(p.proxyFor(URI.create("https://localhost/x")));
        assertNull(p.proxyFor(URI.create("https://api.internal.example/x")));
        assertNull(p.proxyFor(URI.create("https://internal.example/x")));
        assertNull(p.proxyFor(URI.create("https://intranet.example:8443/x")));
        assertEquals(URI.create("http://secure:3128"), p.proxyFor(URI.create("https://intranet.example/x")), "other port: proxied");
        assertEquals(URI.create("http://secure:3128"), p.proxyFor(URI.create("https://notinternal.example/x")));
        assertNull(ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", "*"))
            .proxyFor(URI.create("https://graph.microsoft.com")));
        assertTrue(ProxySettings.fromEnvironment(Map.of()).isEmpty());
    }

    @Test
    void requestsGoThroughTheProxyWhichGetsItsCredentialsAfter407() throws Exception {
        try (RecordingServer proxy = new RecordingServer()) {
            proxy.then(new Answer(407, Map.of("Proxy-Authenticate", "Basic realm=\"corp\""), "", 0))
                .fallback(r -> Answer.json(200, "{\"id\":\"p1\",\"isCurrent\":true}"));
            int port = URI.create(proxy.base()).getPort();
            Cli.Result r = new Cli(dir).env("POSCTL_TOKEN", "proxied.token.value")
                .env("HTTP_PROXY", "http://corp%5Cuser:p%40ss@127.0.0.1:" + port)
                .run("get", "--endpoint", "http://graph.example.test/beta", "--insecure-http", "--user", "a@b.c", "--id", "p1", "-o", "json");
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.err().contains("--insecure-http"), r.err());
            assertEquals(2, proxy.requests().size());
            RecordingServer.Recorded relayed = proxy.requests().get(1);
            assertEquals("graph.example.test", relayed.header("Host"));
            assertEquals("/beta/users/a@b.c/profile/positions/p1".replace("@", "%40"), relayed.rawPath());
            assertEquals("Basic " + Base64.getEncoder().encodeToString("corp\\user:p@ss".getBytes(StandardCharsets.UTF_8)),
                relayed.header("Proxy-Authorization"));
            assertTrue(!r.err().contains("p@ss") && !r.out().contains("p@ss"));
        }
    }

    @Test
    void httpsGoesThroughHttpsProxyAsAConnectTunnelAndNoProxyGoesDirect() throws Exception {
        try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
                try (Socket s = proxy.accept()) {
                    String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                    s.getOutputStream().write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    return line;
                } catch (Exception e) {
                    return e.toString();
                }
            });
            Cli.Result r = new Cli(dir).env("POSCTL_TOKEN", "t.o.k").env("HTTPS_PROXY", "127.0.0.1:" + proxy.getLocalPort())
                .run("get", "--endpoint", "https://graph.example.test/beta", "--user", "a@b.c", "--id", "p1", "--max-retries", "0");
            assertEquals("CONNECT graph.example.test:443 HTTP/1.1", firstLine.get(10, TimeUnit.SECONDS));
            assertEquals(6, r.code(), r::toString);
        }
        try (RecordingServer graph = new RecordingServer()) {
            graph.fallback(x -> Answer.json(200, "{\"id\":\"p1\"}"));
            Cli.Result r = new Cli(dir).env("POSCTL_TOKEN", "t.o.k").env("HTTP_PROXY", "http://127.0.0.1:1").env("NO_PROXY", "127.0.0.1")
                .run("get", "--endpoint", graph.base(), "--user", "a@b.c", "--id", "p1", "--max-retries", "0");
            assertEquals(0, r.code(), r::toString);
            assertEquals(1, graph.requests().size());
        }
    }

    @Test
    void plainHttpToAnotherHostIsRefusedWithoutInsecureHttp() {
        Cli.Result r = new Cli(dir).env("POSCTL_TOKEN", "t.o.k").run("get", "--endpoint", "http://graph.example.test/beta",
            "--user", "a@b.c", "--id", "p1");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("refusing to send a token over plain http://"), r.err());
    }
}
