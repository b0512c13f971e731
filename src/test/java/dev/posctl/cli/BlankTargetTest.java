package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.http.RecordingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An empty or blank --user or --id is a usage error before any request. */
class BlankTargetTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final RecordedEndpoint endpoint = new RecordedEndpoint();
    RecordingServer server;

    @BeforeEach
    void server() {
        server = endpoint.server();
    }

    Cli cli() {
        return endpoint.cli(dir);
    }

    @Test
    void emptyOrBlankUserOrIdIsUsageErrorForEveryCommand() {
        List<List<String>> runs = List.of(
            List.of("list", "--user", ""),
            List.of("list", "--user", "  "),
            List.of("get", "--user", "", "--id", "p1"),
            List.of("get", "--user", "u", "--id", " "),
            List.of("delete", "--yes", "--user", "u", "--id", ""),
            List.of("delete", "--yes", "--user", "\t", "--id", "p1"),
            List.of("update", "--user", "", "--id", "p1", "--job-title", "X"),
            List.of("update", "--user", "u", "--id", "  ", "--job-title", "X"),
            List.of("diff", "--user", "u", "--id", "", "--job-title", "X"),
            List.of("create", "--user", " ", "--job-title", "X", "--start", "2021-03"),
            List.of("validate", "--user", "", "--id", "p1", "--job-title", "X"));
        for (List<String> args : runs) {
            Cli.Result r = cli().run(args.toArray(String[]::new));
            assertEquals(2, r.code(), () -> args + "\n" + r);
            assertTrue(r.err().contains("must not be empty"), () -> args + "\n" + r);
        }
        assertEquals(0, server.requests().size());
    }

    @Test
    void documentsWithEmptyUserIdOrIdAreInvalid() throws Exception {
        Files.writeString(dir.resolve("e.ndjson"), "{\"userId\":\"\",\"id\":\"1\",\"detail\":{\"jobTitle\":\"A\"}}\n"
            + "{\"userId\":\"u\",\"id\":\" \",\"detail\":{\"jobTitle\":\"B\"}}\n");
        Cli.Result r = cli().run("update", "-f", "e.ndjson");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("e.ndjson:1:") && r.err().contains("e.ndjson:2:"), r::toString);
        assertEquals(0, server.requests().size());
    }
}
