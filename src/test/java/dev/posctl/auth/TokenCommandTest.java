package dev.posctl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.core.PosctlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time limit of a tokenCommand holds however the command misbehaves, and nothing it leaves runs on. */
class TokenCommandTest {
    static final Duration LIMIT = Duration.ofMillis(700);

    @TempDir
    Path dir;

    PosctlException fails(String commandLine) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5),
            () -> assertThrows(PosctlException.class, () -> new TokenCommand(LIMIT).token(commandLine)));
    }

    @Test
    void aCommandThatWritesNothingAndNeverEndsIsStoppedWithItsChildren() throws Exception {
        PosctlException e = fails("sleep 1000");
        assertEquals(5, e.exitCode());
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());

        Path pid = dir.resolve("pid");
        fails("sh -c 'sleep 1000 & echo $! > " + pid + "; wait'");
        ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).orElse(null);
        if (child != null) {
            child.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "the child was killed with its parent");
        }
    }

    @Test
    void aCommandThatNeverClosesItsOutputOrWritesWithoutEndIsStopped() {
        // a token printed, but stdout stays open as the command goes on running
        PosctlException e = fails("sh -c 'echo tok.a; exec sleep 1000'");
        assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());

        e = fails("yes tok.a");
        assertEquals(5, e.exitCode());
        assertTrue(e.getMessage().contains("printed more than 1 MB"), e.getMessage());
        assertFalse(e.getMessage().contains("tok.a"), e.getMessage());
    }

    @Test
    void aWellBehavedCommandGivesItsToken() {
        assertEquals("tok.a", new TokenCommand(LIMIT).token("printf 'tok.a\\n'"));
    }
}
