package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell as a person uses it: the unpacked distribution's bin/posctl shell on a real terminal, a
 * profile pointing at a running {@code posctl sandbox serve} that wants a token (from a token file),
 * and keys typed one by one.
 */
class ShellPtyIT {
    private static final String TOKEN = "pty-journey-token";

    @TempDir
    Path dir;

    @Test
    void tabCompletesCtrlCDropsTheLineCtrlDLeavesAndUpRecallsAfterARestart() throws Exception {
        Pty.assumeAvailable();
        UnpackedDistribution posctl = UnpackedDistribution.unpack(dir);
        // user0 exists only on the running server: its id can only come from there
        try (PackagedJar.Sandbox server = posctl.serve("--token", TOKEN, "--demo-users", "1")) {
            Files.writeString(dir.resolve("token.txt"), TOKEN + "\n");
            assertEquals(0, posctl.run("config", "set", "--profile", "work", "endpoint", server.url()).code());
            assertEquals(0, posctl.run("config", "set", "--profile", "work", "tokenFile", dir.resolve("token.txt").toString()).code());
            String prompt = "posctl[work:127.0.0.1:" + URI.create(server.url()).getPort() + "]> ";

            try (Pty shell = posctl.onTerminal("shell", "--profile", "work")) {
                shell.awaitAfter(0, prompt);
                completes(shell, prompt, "li" + Pty.TAB, "list ", true);
                completes(shell, prompt, "update --aud" + Pty.TAB, "update --audience ", false);
                completes(shell, prompt, "org" + Pty.TAB, "organization ", true);
                completes(shell, prompt, "schema detail.com" + Pty.TAB, "schema detail.company.", true);
                // Tab waits only a moment for the ids; a slow first fetch shows on a later Tab, as for a person
                completesAfterTabs(shell, prompt, "get --user user0@contoso.com --id ", "pos-0 ");
                completesAfterTabs(shell, prompt, "get --user adele@contoso.com --id ", "7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d");
                assertTrue(shell.text().contains("2f7b3c1e-5d6a-4b8c-9e0f-1a2b3c4d5e6f"), "both of adele's ids listed:\n" + shell.text());

                // Ctrl-C drops a half-typed line (nothing runs) and the shell goes on
                int mark = shell.mark();
                shell.type("update --user adele@contoso.com --current --job-title Dropped" + Pty.CTRL_C);
                shell.awaitAfter(mark, "Dropped", prompt);
                mark = shell.mark();
                shell.type("list --user adele@contoso.com -o text" + Pty.ENTER);
                String listed = shell.awaitAfter(mark, "Product Manager", prompt);
                assertFalse(listed.contains("Dropped"), listed);

                mark = shell.mark();
                shell.type("list --user user0@contoso.com -o json" + Pty.ENTER);
                shell.awaitAfter(mark, "\"pos-0\"", prompt);
                shell.type(Pty.CTRL_D);
                assertEquals(0, shell.awaitExit(), "Ctrl-D leaves with the last command's code:\n" + shell.text());
            }

            try (Pty again = posctl.onTerminal("shell", "--profile", "work")) {
                again.awaitAfter(0, prompt);
                int mark = again.mark();
                again.type(Pty.UP);
                again.awaitAfter(mark, "list --user user0@contoso.com -o json");
                again.type(Pty.ENTER);
                again.awaitAfter(mark, "\"pos-0\"", prompt);
                // the same key from a terminal that ignores the cursor mode JLine asks for
                mark = again.mark();
                again.type(Pty.UP_NORMAL_MODE);
                again.awaitAfter(mark, "list --user user0@contoso.com -o json");
                again.type(Pty.CTRL_C);
                assertFalse(again.awaitAfter(mark, prompt).contains("[A"), again.textAfter(mark));
                again.type("exit" + Pty.ENTER);
                assertEquals(0, again.awaitExit(), again.text());
            }
        }
    }

    /** Types keys at the prompt and waits for the line to read as expected; then drops the line with Ctrl-C, or leaves it for more keys. */
    private static void completes(Pty shell, String prompt, String keys, String expected, boolean drop) throws Exception {
        int mark = shell.mark();
        shell.type(keys);
        shell.awaitAfter(mark, expected);
        if (drop) {
            mark = shell.mark();
            shell.type(Pty.CTRL_C);
            shell.awaitAfter(mark, prompt);
        }
    }

    /** Types the line and presses Tab, again every few seconds, until the expected text shows; then drops the line. */
    private static void completesAfterTabs(Pty shell, String prompt, String line, String expected) throws Exception {
        int mark = shell.mark();
        shell.type(line + Pty.TAB);
        for (int tabs = 1; !shell.textAfter(mark).contains(expected); tabs++) {
            assertTrue(tabs < 8, "Tab offered no \"" + expected + "\"; the terminal shows:\n" + shell.textAfter(mark));
            Thread.sleep(2000);
            if (!shell.textAfter(mark).contains(expected)) {
                shell.type(Pty.TAB);
            }
        }
        mark = shell.mark();
        shell.type(Pty.CTRL_C);
        shell.awaitAfter(mark, prompt);
    }
}
