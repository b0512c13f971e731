package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's shell on a real pseudo-terminal (util-linux {@code script}), as a person uses
 * it: JLine on the system terminal, history written where XDG_STATE_HOME says.
 */
class ShellHistoryPtyIT {
    private static final String PROMPT = "posctl[default:sandbox]> ";

    @TempDir
    Path dir;

    @Test
    void theHistoryOnATerminalKeepsNoTokenAndOnlyItsOwnerMayReadIt() throws Exception {
        Pty.assumeAvailable();
        Path history = dir.resolve("state/posctl/history");
        Files.createDirectories(history.getParent());
        Files.writeString(history, "1700000000000:list --token=eyJold.old.old\n");
        Files.setPosixFilePermissions(history.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r--r--"));

        Map<String, String> env = new HashMap<>(Map.of("HOME", dir.toString()));
        for (String x : List.of("STATE", "CONFIG", "DATA", "CACHE")) {
            env.put("XDG_" + x + "_HOME", dir.resolve(x.toLowerCase()).toString());
        }
        try (Pty shell = Pty.start(PackagedJar.command(null, "shell"), dir, env)) {
            shell.awaitCount(PROMPT, 1);
            shell.type("schema isCurrent --token eyJnew.pty.secret" + Pty.ENTER);
            shell.awaitCount(PROMPT, 2);
            shell.type("exit" + Pty.ENTER);
            shell.awaitExit();
        }
        String text = Files.readString(history);
        assertFalse(text.contains("eyJnew") || text.contains("eyJold"), "a token in the history:\n" + text);
        assertTrue(text.contains(":schema isCurrent --token ***\n"), text);
        assertTrue(text.contains(":list --token=***\n"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history.getParent())));
    }
}
