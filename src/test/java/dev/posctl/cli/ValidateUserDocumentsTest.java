package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate reads what export writes: user documents, each position an edit of its user, on its own line. */
class ValidateUserDocumentsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir);
    }

    private String export(String format) {
        Cli.Result r = cli().run("export", "--all-users", "-o", format, "-q");
        assertEquals(0, r.code(), r.toString());
        return r.out();
    }

    private static long positions(String ndjson) throws Exception {
        long n = 0;
        for (String line : ndjson.lines().toList()) {
            n += JSON.readTree(line).get("positions").size();
        }
        return n;
    }

    @Test
    void exportedYamlAndNdjsonValidate() throws Exception {
        String ndjson = export("ndjson");
        long users = ndjson.lines().count();
        long positions = positions(ndjson);
        assertTrue(users > 1 && positions > users, ndjson);
        Files.writeString(dir.resolve("users.ndjson"), ndjson);
        Files.writeString(dir.resolve("users.yaml"), export("yaml"));
        Files.writeString(dir.resolve("users.json"), export("json"));
        for (String file : new String[] {"users.ndjson", "users.yaml", "users.json"}) {
            Cli.Result v = cli().run("validate", "-f", file, "--strict", "-o", "json");
            assertEquals(0, v.code(), file + ": " + v);
            assertEquals("[]", v.out().trim(), file);
            assertTrue(v.err().contains(users + " user documents (each position an edit), " + positions + " edits checked, "
                + positions + " valid: 0 errors, 0 warnings"), file + ": " + v);
        }
    }

    @Test
    void aBadFieldInTheSecondPositionIsReportedOnItsLine() throws Exception {
        Files.writeString(dir.resolve("u.yaml"), String.join("\n",
            "userId: adele@contoso.com",
            "positions:",
            "- id: p1",
            "  detail:",
            "    jobTitle: Engineer",
            "- detail:",
            "    jobTitle: 42.5.1",
            "    company:",
            "      displayName: Contoso",
            "    startMonthYear: 2024-13-01",
            "---",
            "userId: alex@contoso.com",
            "positions: []",
            ""));
        Cli.Result r = cli().run("validate", "-f", "u.yaml", "-o", "json");
        assertEquals(3, r.code(), r.toString());
        JsonNode problems = JSON.readTree(r.out());
        assertEquals(1, problems.size(), r.toString());
        JsonNode p = problems.get(0);
        assertEquals("positions[1].detail.startMonthYear", p.get("path").asText(), r.toString());
        assertEquals(10, p.get("line").asInt(), r.toString());
        assertEquals("invalid-date", p.get("code").asText(), r.toString());
        assertTrue(r.err().contains("2 user documents (each position an edit), 2 edits checked, 1 valid: 1 error, 0 warnings"),
            r.toString());
    }

    @Test
    void ndjsonPositionsAreLocatedOnTheirLineAndAStrayFieldIsNamed() throws Exception {
        Files.writeString(dir.resolve("u.ndjson"),
            "{\"userId\":\"a\",\"positions\":[{\"id\":\"x\"}]}\n"
                + "{\"userId\":\"b\",\"isCurrent\":true,\"positions\":[{\"id\":\"y\"},{\"detail\":{\"jobTitel\":\"t\"}},7]}\n");
        Cli.Result r = cli().run("validate", "-f", "u.ndjson", "-o", "json");
        assertEquals(3, r.code(), r.toString());
        String out = r.out();
        JsonNode problems = JSON.readTree(out);
        assertEquals(3, problems.size(), out);
        for (JsonNode p : problems) {
            assertEquals(2, p.get("line").asInt(), out);
        }
        assertTrue(out.contains("\"path\":\"positions[1].detail.jobTitel\"") || out.contains("\"path\" : \"positions[1].detail.jobTitel\""), out);
        assertTrue(out.contains("positions[2]"), out);
        assertTrue(out.contains("move \\\"isCurrent\\\" into a position"), out);
        assertTrue(r.err().contains("2 user documents (each position an edit), 4 documents, 3 edits checked, 2 valid;"
            + " 1 document is not an edit: 3 errors, 0 warnings"), r.toString());
    }

    @Test
    void updateRefusesUserDocumentsAndSendsNothing() throws Exception {
        String before = export("ndjson");
        String edit = "{\"userId\":\"adele@contoso.com\",\"id\":\"7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d\","
            + "\"detail\":{\"jobTitle\":\"Changed\"}}\n";
        Files.writeString(dir.resolve("mixed.ndjson"), edit + before);
        Cli.Result r = cli().run("update", "-f", "mixed.ndjson");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains("mixed.ndjson:2:1: error: a user document ({userId, positions}) describes a desired state"),
            r.toString());
        assertFalse(r.err().contains("Exception"), r.toString());
        assertEquals(before, export("ndjson"), "the valid edit before the user document was not sent either");
    }
}
