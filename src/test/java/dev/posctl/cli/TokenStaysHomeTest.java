package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.http.HostileServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token and the client secret go only where the user pointed posctl: not to where a server's
 * nextLink points, and not in clear text to a name that only looks like loopback. A recording
 * proxy stands for the rest of the world: whatever reaches it would have left the machine.
 */
class TokenStaysHomeTest {
    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJ.stay-home-token.sig";

    @TempDir
    Path dir;
    HostileServer graph;
    HostileServer world;

    @BeforeEach
    void start() throws Exception {
        graph = new HostileServer();
        world = new HostileServer();
        world.fallback(r -> HostileServer.json(200, "{\"value\":[{\"id\":\"stolen\"}]}"));
    }

    @AfterEach
    void stop() {
        graph.close();
        world.close();
    }

    Cli cli() {
        return new Cli(dir).env("POSCTL_TOKEN", TOKEN).env("POSCTL_ENDPOINT", graph.base())
            .env("HTTP_PROXY", world.proxyUrl()).env("HTTPS_PROXY", world.proxyUrl()).env("NO_PROXY", "127.0.0.1:" + graph.port());
    }

    Cli.Result listWithNextLink(String link) {
        graph.then(HostileServer.json(200, "{\"value\":[{\"id\":\"a\"}],\"@odata.nextLink\":\"" + link + "\"}"));
        graph.fallback(r -> HostileServer.json(200, "{\"value\":[{\"id\":\"b\"}]}"));
        return cli().run("list", "--user", "u", "-o", "json");
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedWithoutARequest() {
        for (String link : new String[] {"http://evil.example/beta/users/u/profile/positions?$skiptoken=2",
            "https://evil.example/beta/users/u/profile/positions?$skiptoken=2",
            "http://127.0.0.2:" + graph.port() + "/beta/users/u/profile/positions?$skiptoken=2",
            "http://localhost:" + graph.port() + "/beta/users/u/profile/positions?$skiptoken=2",
            "https://127.0.0.1:" + graph.port() + "/beta/users/u/profile/positions?$skiptoken=2",
            "http://me@127.0.0.1:" + graph.port() + "/beta/users/u/profile/positions?$skiptoken=2"}) {
            int before = graph.requests().size();
            Cli.Result r = listWithNextLink(link);
            assertEquals(4, r.code(), () -> link + "\n" + r);
            assertTrue(r.err().contains("@odata.nextLink \"" + link + "\"") && r.err().contains("not followed"), r::toString);
            assertEquals(before + 1, graph.requests().size(), link);
            assertEquals("", r.out(), "nothing half-listed");
        }
        assertEquals(0, world.requests().size(), () -> "left the machine: " + world.requests());
    }

    @Test
    void aNextLinkToAnotherPortOfThisMachineGetsNoToken() throws Exception {
        try (HostileServer other = new HostileServer()) {
            other.fallback(r -> HostileServer.json(200, "{\"value\":[]}"));
            Cli.Result r = listWithNextLink(other.base() + "/users/u/profile/positions?$skiptoken=2");
            assertEquals(4, r.code(), r::toString);
            assertTrue(r.err().contains("points away from the endpoint"), r.err());
            assertEquals(0, other.requests().size());
        }
    }

    @Test
    void unusableNextLinksAreCleanErrors() {
        for (String link : new String[] {"file:///etc/passwd", "ftp://127.0.0.1/x", "/beta/users/u/profile/positions?$skiptoken=2",
            "?$skiptoken=2", "http://[bad/x", "ht tp://x", "javascript:alert(1)", "http:///nohost"}) {
            Cli.Result r = listWithNextLink(link);
            assertEquals(4, r.code(), () -> link + "\n" + r);
            assertTrue(r.err().contains("@odata.nextLink") && r.err().contains("not followed"), r::toString);
            assertFalse(r.err().contains("Exception"), r::toString);
        }
        assertEquals(0, world.requests().size());
    }

    @Test
    void aNextLinkOnTheEndpointIsFollowed() {
        Cli.Result r = listWithNextLink("HTTP://127.0.0.1:" + graph.port() + "/beta/users/u/profile/positions?$skiptoken=2");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("\"a\"") && r.out().contains("\"b\""), r.out());
        assertEquals("Bearer " + TOKEN, graph.requests().get(1).header("Authorization"));
    }

    @Test
    void aNameThatStartsWith127IsNotLoopback() {
        Cli.Result r = cli().run("get", "--user", "u", "--id", "p1", "--endpoint", "http://127.attacker.example/beta");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("refusing to send a token over plain http:// to 127.attacker.example"), r.err());

        r = cli().run("get", "--user", "u", "--id", "p1", "--endpoint", "http://127.0.0.1.nip.io/beta");
        assertEquals(7, r.code(), r::toString);

        r = cli().env("POSCTL_CLIENT_SECRET", "client~secret~value")
            .run("login", "--method", "client-secret", "--client-id", "cid", "--authority", "http://127.attacker.example");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("refusing"), r.err());
        assertEquals(0, world.requests().size(), () -> "left the machine: " + world.requests());
    }
}
