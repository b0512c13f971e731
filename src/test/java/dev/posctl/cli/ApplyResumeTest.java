package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply --resume after a run killed with a create in flight (its journal holds the creating line and
 * no outcome): the fresh read tells whether it landed, so it is neither lost nor made twice, and undo
 * still takes it back.
 */
class ApplyResumeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADELE = "adele@contoso.com";

    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir);
    }

    @Test
    void aCreateThatLandedIsRecordedForUndo() throws Exception {
        String before = exportAdele();
        writeDesiredWithMentor(before);
        assertEquals(0, cli().run("apply", "-f", "u.ndjson", "--journal", "j", "-q").code());
        killedBeforeTheCreateAnswer();

        Cli.Result r = cli().run("apply", "-f", "u.ndjson", "--journal", "j", "--resume", "-o", "json");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("1 exist (recorded in the journal for undo) and 0 do not"), r.toString());
        assertEquals(3, positions().size(), "not created twice");

        Cli.Result undo = cli().run("undo", "--journal", "j", "-o", "json");
        assertEquals(0, undo.code(), undo.toString());
        assertEquals(before, exportAdele(), "undo deleted the position the first run created");
    }

    @Test
    void aCreateThatNeverLandedIsMadeOnResume() throws Exception {
        String before = exportAdele();
        writeDesiredWithMentor(before);
        Cli.Result first = cli().run("apply", "-f", "u.ndjson", "--journal", "j", "-o", "json");
        assertEquals(0, first.code(), first.toString());
        String id = JSON.readTree(first.out()).get(0).get("id").asText();
        assertEquals(0, cli().run("delete", "--user", ADELE, "--id", id, "--yes", "-q").code());
        killedBeforeTheCreateAnswer();

        Cli.Result r = cli().run("apply", "-f", "u.ndjson", "--journal", "j", "--resume", "-o", "json");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("0 exist (recorded in the journal for undo) and 1 do not (created now)"), r.toString());
        assertEquals("created", JSON.readTree(r.out()).get(0).get("status").asText(), r.toString());
        assertEquals(3, positions().size());

        Cli.Result undo = cli().run("undo", "--journal", "j", "-o", "json");
        assertEquals(0, undo.code(), undo.toString());
        assertEquals(before, exportAdele());
    }

    private void writeDesiredWithMentor(String export) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(export);
        ((ArrayNode) doc.get("positions")).addObject().putObject("detail").put("jobTitle", "Mentor")
            .putObject("company").put("displayName", "Fabrikam");
        Files.writeString(dir.resolve("u.ndjson"), JSON.writeValueAsString(doc) + "\n");
    }

    /** The journal as a SIGKILL between the POST and its answer leaves it: the created line never written. */
    private void killedBeforeTheCreateAnswer() throws Exception {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("j"))) {
            JsonNode n = JSON.readTree(line);
            if (!(n.path("kind").asText().equals("create") && n.path("status").asText().equals("created"))) {
                kept.add(line);
            }
        }
        assertTrue(String.join("\n", kept).contains("\"creating\""), kept.toString());
        Files.write(dir.resolve("j"), kept);
    }

    private JsonNode positions() throws Exception {
        return JSON.readTree(exportAdele()).get("positions");
    }

    private String exportAdele() {
        Cli.Result r = cli().run("export", "--user", ADELE, "-o", "ndjson", "-q");
        assertEquals(0, r.code(), r.toString());
        return r.out().trim();
    }
}
