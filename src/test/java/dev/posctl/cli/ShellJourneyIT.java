package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's first day with a profile, through the unpacked distribution's bin/posctl: point a profile
 * at a running server, make it current, give it a token file; then a command means the same thing as
 * a one-shot command, as a line piped into the shell and as a line typed at the shell's prompt.
 */
class ShellJourneyIT {
    private static final String TOKEN = "journey-token";
    private static final String LIST = "list --user adele@contoso.com -o json";

    @TempDir
    Path dir;

    @Test
    void aProfilesListIsTheSameAsAOneShotCommandAsAPipedLineAndAsATypedLine() throws Exception {
        UnpackedDistribution posctl = UnpackedDistribution.unpack(dir);
        try (PackagedJar.Sandbox server = posctl.serve("--token", TOKEN)) {
            Files.writeString(dir.resolve("token.txt"), TOKEN + "\n");
            expect(posctl.run("config", "set", "--profile", "work", "endpoint", server.url()), "profile work: endpoint set");
            expect(posctl.run("config", "set", "--profile", "work", "tokenFile", dir.resolve("token.txt").toString()),
                "profile work: tokenFile set");
            expect(posctl.run("config", "use", "work"), "current profile: work");
            expect(posctl.run("update", "--user", "adele@contoso.com", "--current", "--job-title", "Journey PM", "-q"), "");

            UnpackedDistribution.Run oneShot = posctl.run(LIST.split(" "));
            assertEquals(0, oneShot.code(), oneShot.err());
            assertTrue(oneShot.out().contains("\"jobTitle\":\"Journey PM\""), oneShot.out());
            assertFalse(Files.exists(dir.resolve("data/posctl/sandbox.json")), "the server answered, not the embedded sandbox");

            UnpackedDistribution.Run piped = posctl.runWithInput(LIST + "\n", "shell");
            assertEquals(0, piped.code(), piped.err());
            assertEquals(oneShot.out(), piped.out(), "a piped shell line answers as the one-shot command");
            assertEquals("", piped.err());

            String prompt = "posctl[work:127.0.0.1:" + URI.create(server.url()).getPort() + "]> ";
            Pty.assumeAvailable();
            try (Pty shell = posctl.onTerminal("shell")) {
                shell.awaitAfter(0, prompt);
                int mark = shell.mark();
                shell.type(LIST + Pty.ENTER);
                String shown = shell.awaitAfter(mark, LIST, "} ]", prompt);
                // on a terminal JSON is indented; the answer must be the same
                String answer = shown.substring(shown.indexOf(LIST) + LIST.length(), shown.lastIndexOf(prompt));
                answer = answer.substring(answer.indexOf('['), answer.lastIndexOf(']') + 1);
                ObjectMapper json = new ObjectMapper();
                assertEquals(json.readTree(oneShot.out()), json.readTree(answer), "a typed shell line answers as the one-shot command");
                shell.type(Pty.CTRL_D);
                assertEquals(0, shell.awaitExit(), shell.text());
            }
        }
    }

    private static void expect(UnpackedDistribution.Run r, String note) {
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(note), r.err());
    }
}
