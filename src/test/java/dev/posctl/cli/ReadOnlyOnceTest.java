package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What get prints, fed back into update -f, gets one read-only warning per file, not four per position. */
class ReadOnlyOnceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADELE = "adele@contoso.com";

    @TempDir
    Path dir;

    static long readOnlyLines(String err) {
        return err.lines().filter(l -> l.contains("read-only")).count();
    }

    @Test
    void listOutputFedBackWarnsOncePerFile() throws Exception {
        Cli.Result list = new Cli(dir).run("list", "--user", ADELE, "-o", "json");
        assertEquals(0, list.code(), list::toString);
        JsonNode positions = JSON.readTree(list.out());
        assertTrue(positions.size() >= 2 && positions.get(0).has("createdDateTime"), list::toString);
        Files.writeString(dir.resolve("all.json"), list.out());
        Cli.Result r = new Cli(dir).run("update", "-f", "all.json", "--user", ADELE, "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(1, readOnlyLines(r.err()), r::toString);
        assertTrue(r.err().contains("all.json:"), r::toString);
        assertTrue(r.err().contains("read-only fields ignored: createdBy, createdDateTime, lastModifiedBy, lastModifiedDateTime"), r::toString);
        assertTrue(r.err().contains("in " + positions.size() + " documents"), r::toString);
    }

    @Test
    void ndjsonAndValidateCountTheSummaryAsOneWarning() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            ndjson.append("{\"userId\":\"u\",\"id\":\"p").append(i)
                .append("\",\"createdDateTime\":\"2020-01-01T00:00:00Z\",\"lastModifiedDateTime\":\"2020-01-01T00:00:00Z\"}\n");
        }
        Files.writeString(dir.resolve("e.ndjson"), ndjson.toString());
        Cli.Result r = new Cli(dir).run("validate", "-f", "e.ndjson", "-o", "text");
        assertEquals(0, r.code(), r::toString);
        assertEquals(1, readOnlyLines(r.err()), r::toString);
        assertTrue(r.err().contains("e.ndjson:1:"), r::toString);
        assertTrue(r.err().contains("3 edits checked, 3 valid: 0 errors, 1 warning"), r::toString);
        Cli.Result strict = new Cli(dir).run("validate", "--strict", "-f", "e.ndjson", "-o", "json");
        assertEquals(3, strict.code(), strict::toString);
        assertEquals(1, JSON.readTree(strict.out()).size(), strict::toString);
    }
}
