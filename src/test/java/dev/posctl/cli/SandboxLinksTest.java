package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's links name the host the client connected to, so paging works through localhost too. */
class SandboxLinksTest {
    @TempDir
    Path dir;

    @Test
    void listPagesThroughLocalhostAsThrough127001() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.builder().pageSize(1).build())) {
            int port = server.baseUri().getPort();
            Cli cli = new Cli(dir).env("POSCTL_TOKEN", "t0ken");
            var viaIp = cli.run("list", "--user", "adele@contoso.com", "-o", "json", "-q", "--endpoint", "http://127.0.0.1:" + port + "/beta");
            var viaName = cli.run("list", "--user", "adele@contoso.com", "-o", "json", "-q", "--endpoint", "http://localhost:" + port + "/beta");
            assertEquals(0, viaIp.code(), viaIp.toString());
            assertEquals(0, viaName.code(), viaName.toString());
            int positions = new ObjectMapper().readTree(viaIp.out()).size();
            assertEquals(true, positions > 1, "adele's positions span pages: " + viaIp);
            assertEquals(viaIp.out(), viaName.out());
        }
    }
}
