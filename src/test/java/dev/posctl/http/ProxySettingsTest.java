package dev.posctl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.cli.Cli;
import dev.posctl.http.RecordingServer.Answer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
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
    void plainHttpToAnotherHostIsRefusedWithoutInsecureHttp() {
        Cli.Result r = new Cli(dir).env("POSCTL_TOKEN", "t.o.k").run("get", "--endpoint", "http://graph.example.test/beta",
            "--user", "a@b.c", "--id", "p1");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("refusing to send a token over plain http://"), r.err());
    }
}
