package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A script can tell whether delete deleted: a declined prompt is a cancellation, and -o json says what was deleted. */
class DeleteOutcomeTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    @RegisterExtension
    final RecordedEndpoint endpoint = new RecordedEndpoint();
    RecordingServer server;

    @BeforeEach
    void start() {
        server = endpoint.server();
        server.fallback(r -> new Answer(204, java.util.Map.of(), "", 0));
    }

    Cli cli() {
        return endpoint.cli(dir);
    }

    @Test
    void declinedPromptIsCancelledWithExit130() throws Exception {
        for (String answer : new String[] {"n\n", "\n", ""}) {
            Cli.Result r = cli().terminal(true).stdin(answer).run("delete", "--user", "u", "--id", "p1");
            assertEquals(130, r.code(), r::toString);
            assertTrue(r.err().contains("nothing deleted"), r::toString);
        }
        Cli.Result json = cli().terminal(true).stdin("no\n").run("delete", "--user", "u", "--id", "p1", "-o", "json");
        assertEquals(130, json.code(), json::toString);
        assertEquals(0, JSON.readTree(json.out()).size(), json::toString);
        assertEquals(0, server.requests().size());
        assertTrue(cli().run("delete", "--help").out().contains("exit 130"));
    }

    @Test
    void jsonSaysWhatWasDeleted() throws Exception {
        Cli.Result r = cli().run("delete", "--yes", "--user", "u", "--id", "p1", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        JsonNode res = JSON.readTree(r.out());
        assertEquals(1, res.size(), r::toString);
        assertEquals("u", res.get(0).get("user").asText());
        assertEquals("p1", res.get(0).get("id").asText());
        assertEquals("deleted", res.get(0).get("status").asText());
        assertEquals(1, server.requests("DELETE").size());
        Cli.Result asked = cli().terminal(true).stdin("y\n").run("delete", "--user", "u", "--id", "p2", "-o", "yaml");
        assertEquals(0, asked.code(), asked::toString);
        assertTrue(asked.out().contains("status: \"deleted\"") || asked.out().contains("status: deleted"), asked::toString);
    }
}
