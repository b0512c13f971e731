package dev.posctl.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated roff renders without warnings (needs groff and man: apt-get install -y man-db groff-base). */
class ManPageRenderTest {
    @TempDir
    Path dir;

    @Test
    void everyPageRendersWithoutGroffWarnings() throws Exception {
        assumeTrue(Tools.onPath("groff"), "groff is not installed (apt-get install -y groff-base): man pages not rendered");
        dev.posctl.cli.GenerateDocs.write(dir);
        try (var pages = Files.list(dir.resolve("man/man1"))) {
            for (Path page : pages.toList()) {
                Tools.Run r = Tools.run(dir, List.of("groff", "-man", "-Tutf8", "-ww", "-z", page.toString()));
                assertEquals(0, r.code(), page + ": " + r.err());
                assertEquals("", r.err(), page + " has groff warnings");
            }
        }
    }

    @Test
    void manRendersTheUpdatePage() throws Exception {
        assumeTrue(Tools.onPath("man"), "man is not installed (apt-get install -y man-db): page not rendered");
        dev.posctl.cli.GenerateDocs.write(dir);
        Tools.Run r = Tools.run(dir, List.of("env", "MANWIDTH=100", "man", "-l", dir.resolve("man/man1/posctl-update.1").toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("POSCTL-UPDATE(1)"), r.out());
        assertTrue(r.out().contains("--job-title TEXT"), r.out());
        assertTrue(r.out().contains("EXIT CODES"), r.out());
        assertTrue(r.out().contains("posctl update -f examples/edits.yaml --dry-run"), r.out());
        assertTrue(!r.out().contains("\\-") && !r.out().contains("\\e"), "escapes leaked into the rendering:\n" + r.out());
    }
}
