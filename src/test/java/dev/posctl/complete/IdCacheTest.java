package dev.posctl.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdCacheTest {
    @TempDir
    Path dir;

    @Test
    void mostRecentUserFirstAndPositionsPerUser() {
        IdCache cache = new IdCache(dir.resolve("state/posctl/completion-ids.json"));
        cache.remember("a@x", List.of("1", "2"));
        cache.remember("b@x", List.of("3"));
        cache.remember("a@x", List.of());
        assertEquals(List.of("a@x", "b@x"), cache.users());
        assertEquals(List.of("1", "2"), cache.positions("a@x"), "an empty result keeps what was known");
        assertEquals(List.of("3"), cache.positions("b@x"));
    }

    @Test
    void aBrokenCacheIsIgnoredAndReplaced() throws Exception {
        Path file = dir.resolve("ids.json");
        Files.writeString(file, "{not json");
        IdCache cache = new IdCache(file);
        assertEquals(List.of(), cache.users());
        cache.remember("a@x", List.of("1"));
        assertEquals(List.of("a@x"), cache.users());
    }

    @Test
    void listFillsTheCacheThatCompleteAnswersFrom() {
        Cli cli = new Cli(dir);
        var listed = cli.run("list", "--user", "adele@contoso.com", "-q");
        assertEquals(0, listed.code(), listed.toString());
        assertTrue(Files.isRegularFile(dir.resolve("state/posctl/completion-ids.json")));
        var users = cli.run("__complete", "--line", "posctl get --user ad");
        assertEquals("adele@contoso.com\n", users.out(), users.toString());
        var ids = cli.run("__complete", "--line", "posctl get --user adele@contoso.com --id 7d");
        assertEquals("7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d\n", ids.out(), ids.toString());
        var words = cli.run("__complete", "--line", "posctl update --audience org");
        assertEquals("organization\n", words.out());
    }
}
