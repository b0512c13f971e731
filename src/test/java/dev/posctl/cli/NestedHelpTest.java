package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "posctl help A B" is "posctl A B --help", however deep. */
class NestedHelpTest {
    @TempDir
    Path dir;

    @Test
    void helpFollowsNestedSubcommands() {
        Cli.Result help = new Cli(dir).run("help", "config", "set");
        assertEquals(0, help.code(), help::toString);
        assertTrue(help.out().startsWith("Usage: posctl config set"), help::toString);
        assertEquals(new Cli(dir).run("config", "set", "--help").out(), help.out());
        Cli.Result serve = new Cli(dir).run("help", "sandbox", "serve");
        assertTrue(serve.out().startsWith("Usage: posctl sandbox serve"), serve::toString);
        assertTrue(new Cli(dir).run("help", "config").out().startsWith("Usage: posctl config"));
    }

    @Test
    void unknownNestedNameIsUsageError() {
        Cli.Result r = new Cli(dir).run("help", "config", "nosuch");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("Unknown subcommand 'config nosuch'"), r::toString);
        assertEquals("", r.out());
    }
}
