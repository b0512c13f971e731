package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An endpoint that cannot be reached is said in plain words, as curl says it, with exit 6. */
class UnreachableHostTest {
    @TempDir
    Path dir;

    @Test
    void aHostThatDoesNotResolveIsSaidSoAtOnce() {
        long started = System.nanoTime();
        var r = new Cli(dir).env("POSCTL_TOKEN", "t0ken").run("list", "--user", "adele@contoso.com",
            "--endpoint", "https://nonexistent.invalid/beta");
        assertEquals(6, r.code(), r.toString());
        assertTrue(r.err().contains("cannot resolve host nonexistent.invalid"), r.toString());
        assertFalse(r.err().contains("refused"), r.toString());
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "not retried for a name that does not resolve");
    }

    @Test
    void aClosedPortIsConnectionRefusedNamingHostAndPort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var r = new Cli(dir).env("POSCTL_TOKEN", "t0ken").run("list", "--user", "adele@contoso.com", "--max-retries", "0",
            "--endpoint", "http://127.0.0.1:" + port + "/beta");
        assertEquals(6, r.code(), r.toString());
        assertTrue(r.err().contains("cannot connect to 127.0.0.1:" + port + " (connection refused)"), r.toString());
    }
}
