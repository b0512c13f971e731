package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import dev.posctl.shell.ShellSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shell line means what the same command means outside the shell: same profile, endpoint and token. */
class ShellProfileTest {
    @TempDir
    Path dir;

    @Test
    void aShellLineAndAOneShotCommandGoToTheProfilesEndpointWithItsToken() throws Exception {
        Files.writeString(dir.resolve("token.txt"), "secret-token\n");
        try (SandboxServer graph = SandboxServer.start(SandboxOptions.builder().token("secret-token").build())) {
            Cli cli = new Cli(dir);
            assertEquals(0, cli.run("config", "set", "--profile", "work", "endpoint", graph.baseUri().toString()).code());
            assertEquals(0, cli.run("config", "set", "--profile", "work", "tokenFile", "token.txt").code());
            assertEquals(0, cli.run("config", "set", "--profile", "lab", "endpoint", "sandbox").code());
            assertEquals(0, cli.run("config", "use", "work").code());
            // the sandbox's data file and the profile's endpoint tell apart where an answer came from
            assertEquals(0, cli.run("update", "--endpoint", graph.baseUri().toString(), "--token-file", "token.txt",
                "--user", "adele@contoso.com", "--current", "--job-title", "On the work endpoint", "-q").code());

            var oneShot = cli.run("list", "--user", "adele@contoso.com", "-o", "json", "-q");
            assertEquals(0, oneShot.code(), oneShot.toString());
            assertTrue(oneShot.out().contains("On the work endpoint"), oneShot.toString());

            var shell = new Cli(dir).stdin("list --user adele@contoso.com -o json -q\n").run("shell");
            assertEquals(0, shell.code(), shell.toString());
            assertEquals(oneShot.out(), shell.out(), "the same answer as a shell line");
            assertFalse(shell.err().contains("sandbox"), shell.toString());

            var lab = new Cli(dir).stdin("list --user adele@contoso.com -o json -q\n").run("shell", "--profile", "lab");
            assertEquals(0, lab.code(), lab.toString());
            assertFalse(lab.out().contains("On the work endpoint"), "--profile lab goes to the sandbox: " + lab);

            try (ShellSession work = ShellSession.open(cli.environment(), null);
                 ShellSession sandbox = ShellSession.open(cli.environment(), "lab")) {
                assertEquals("posctl[work:127.0.0.1:" + graph.baseUri().getPort() + "]> ", work.prompt());
                assertEquals("posctl[lab:sandbox]> ", sandbox.prompt());
            }
        }
    }

    @Test
    void aShellWithAProfileThatDoesNotExistEndsAtOnce() {
        var r = new Cli(dir).stdin("list --user adele@contoso.com\n").run("shell", "--profile", "nope");
        assertEquals(7, r.code(), r.toString());
        assertTrue(r.err().contains("profile \"nope\" is not defined"), r.toString());
    }
}
