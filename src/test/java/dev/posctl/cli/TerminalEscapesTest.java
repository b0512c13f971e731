package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.http.RecordingServer.Answer;
import dev.posctl.http.RecordingServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Server data that carries terminal escapes is shown escaped in tables and text, never raw. */
class TerminalEscapesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Clears the screen, sets the window title, a C1 CSI, and a right-to-left override. */
    static final String HOSTILE = "{\"id\":\"p1\\u001b]0;pwned\\u0007\",\"isCurrent\":true,\"detail\":{\"jobTitle\":\"PM\\u001b[2J\\u009b1m\","
        + "\"company\":{\"displayName\":\"Con\\u202etoso\"},\"description\":\"line1\\nline2\"},\"evil\\u001b[8m\":\"x\"}";

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

    static void noRawControls(String s) {
        for (char c : s.toCharArray()) {
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
            assertFalse(control, () -> String.format("raw U+%04X in: %s", (int) c, s));
        }
    }

    @Test
    void getAsATableShowsEscapes() {
        server.fallback(r -> Answer.json(200, HOSTILE));
        Cli.Result r = cli().terminal(true).env("COLUMNS", "400").run("get", "--user", "u", "--id", "p1", "-o", "table");
        assertEquals(0, r.code(), r::toString);
        noRawControls(r.out());
        assertTrue(r.out().contains("p1\\u001b]0;pwned\\u0007"), r::toString);
        assertTrue(r.out().contains("PM\\u001b[2J\\u009b1m"), r::toString);
        assertTrue(r.out().contains("Con\\u202etoso"), r::toString);
    }

    @Test
    void listAsATableEscapesNamesAndValuesToo() {
        server.fallback(r -> Answer.json(200, "{\"value\":[" + HOSTILE + "]}"));
        Cli.Result r = cli().run("list", "--user", "u", "-o", "table");
        assertEquals(0, r.code(), r::toString);
        noRawControls(r.out());
    }

    @Test
    void updateResultsAsATableShowEscapes() {
        server.fallback(r -> r.method().equals("GET") ? Answer.json(200, UpdateAgainstRecordingServerTest.CURRENT) : Answer.json(200, HOSTILE));
        Cli.Result r = cli().run("update", "--user", "u", "--id", "p1", "--job-title", "X", "-o", "table");
        assertEquals(0, r.code(), r::toString);
        noRawControls(r.out());
        assertTrue(r.out().contains("PM\\u001b[2J\\u009b1m"), r::toString);
    }

    @Test
    void serverErrorsInResultTablesAndDryRunsShowEscapes() {
        String error = "{\"error\":{\"code\":\"Bad\\u001b[2J\",\"message\":\"no\\u001b]0;x\\u0007 way\\u202e\"}}";
        server.fallback(r -> Answer.json(400, error));
        Cli.Result table = cli().run("update", "--user", "u", "--id", "p1", "--job-title", "X", "-o", "table");
        assertEquals(4, table.code(), table::toString);
        noRawControls(table.out());
        assertTrue(table.out().contains("no\\u001b]0;x\\u0007 way\\u202e"), table::toString);
        noRawControls(table.err());
        assertTrue(table.err().contains("no\\u001b]0;x\\u0007 way\\u202e"), table::toString);
        Cli.Result get = cli().run("get", "--user", "u", "--id", "p1");
        assertEquals(4, get.code(), get::toString);
        noRawControls(get.err());
        assertTrue(get.err().contains("Bad\\u001b[2J: no\\u001b]0;x\\u0007 way\\u202e"), get::toString);
        Cli.Result dry = cli().run("update", "--dry-run", "--user", "u", "--id", "p1", "--job-title", "X", "-o", "table");
        assertEquals(4, dry.code(), dry::toString);
        noRawControls(dry.out());
        assertTrue(dry.out().contains("no\\u001b]0;x\\u0007 way\\u202e"), dry::toString);
    }

    @Test
    void validationProblemsShowTheInputsEscapes() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("e.ndjson"),
            "{\"userId\":\"u\",\"id\":\"p1\",\"detail\":{\"job\\u001b]0;x\\u0007\":1,\"startMonthYear\":\"\\u001b[2J\\u202e\"}}\n");
        Cli.Result r = cli().run("validate", "-f", "e.ndjson", "-o", "text");
        assertEquals(3, r.code(), r::toString);
        noRawControls(r.err());
        assertTrue(r.err().contains("detail.job\\u001b]0;x\\u0007: unknown property"), r::toString);
        assertTrue(r.err().contains("\"\\u001b[2J\\u202e\" is not a date"), r::toString);
    }

    @Test
    void jsonOutputEscapesC1AndBidiTooAndReadsBackTheSame() throws Exception {
        server.fallback(r -> Answer.json(200, HOSTILE));
        for (String format : new String[] {"json", "ndjson"}) {
            for (boolean terminal : new boolean[] {true, false}) {
                Cli.Result r = cli().terminal(terminal).run("get", "--user", "u", "--id", "p1", "-o", format);
                assertEquals(0, r.code(), r::toString);
                noRawControls(r.out());
                assertEquals(JSON.readTree(HOSTILE), JSON.readTree(r.out()), r::toString);
            }
        }
    }
}
