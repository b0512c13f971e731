package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.docs.GeneratedDocs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install hints in `completion --help` and its man page say what to type, shell variables included. */
class CompletionHelpTest {
    @TempDir
    Path dir;

    @Test
    void theZshHintKeepsItsFpathVariable() {
        var help = new Cli(dir).run("completion", "--help");
        assertEquals(0, help.code(), help.toString());
        assertTrue(help.out().lines().anyMatch("zsh:  posctl completion zsh > \"${fpath[1]}/_posctl\""::equals), help.out());
        assertFalse(help.out().contains("null/_posctl"), help.out());

        String page = GeneratedDocs.all(CommandLineFactory.neutral()).get("man/man1/posctl-completion.1");
        assertFalse(page.contains("null/_posctl"), page);
        assertTrue(page.contains("zsh:  posctl completion zsh > \"${fpath[1]}/_posctl\""), page);
    }
}
