package dev.posctl.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed man pages sit where {@code man} looks for section 1 (man/man1/), so
 * {@code MANPATH=.../man man posctl} works from a clone and from an unpacked archive alike.
 */
class ManPathTest {
    static final Path MAN = Path.of("man").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void manFindsThePagesThroughManpath() throws Exception {
        assumeTrue(Tools.onPath("man"), "man is not installed (apt-get install -y man-db): MANPATH lookup not checked");
        for (String page : List.of("posctl", "posctl-update", "posctl-sandbox-serve")) {
            // HOME in a temporary folder: no user configuration or cache of man takes part
            Tools.Run r = Tools.run(dir, List.of("man", "-w", page), Map.of("MANPATH", MAN.toString(), "HOME", dir.toString()));
            assertEquals(0, r.code(), page + ": " + r.err());
            assertEquals(MAN.resolve("man1/" + page + ".1").toString(), r.out().trim(), page);
        }
    }
}
