package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.complete.IdCache;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** __complete as the completion scripts call it: through the tree main builds for its arguments. */
class CompleteCommandTest {
    @TempDir
    Path dir;

    @Test
    void offersCommandsOptionsAndCachedIdsFromTheWholeTree() {
        Cli cli = new Cli(dir);
        IdCache.of(cli.environment()).remember("adele@contoso.com", List.of("7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d"));

        var ids = cli.run("__complete", "--line", "posctl get --user adele@contoso.com --id ");
        assertEquals(0, ids.code(), ids.toString());
        assertEquals("7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d", ids.out().strip(), ids.toString());

        var commands = cli.run("__complete", "--line", "posctl li");
        assertEquals("list", commands.out().strip(), commands.toString());

        var options = cli.run("__complete", "--line", "posctl update --aud");
        assertTrue(options.out().lines().anyMatch("--audience"::equals), options.toString());
    }

    @Test
    void readsTheLineFromStdinWhenNotGiven() {
        Cli cli = new Cli(dir).stdin("posctl get --token s3cret --user adele@contoso.com --id \n");
        IdCache.of(cli.environment()).remember("adele@contoso.com", List.of("7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d"));
        var ids = cli.run("__complete");
        assertEquals(0, ids.code(), ids.toString());
        assertEquals("7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d", ids.out().strip(), ids.toString());
    }
}
