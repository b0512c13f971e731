package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** posctl export against the embedded sandbox: user documents, formats, --dir, --all-users and bad input. */
class ExportCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADELE = "adele@contoso.com";

    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir);
    }

    @Test
    void aUsersPositionsAreOneDocumentWithoutReadOnlyFields() throws Exception {
        Cli.Result r = cli().run("export", "--user", ADELE, "-o", "ndjson", "-q");
        assertEquals(0, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), r.toString());
        JsonNode doc = JSON.readTree(lines.get(0));
        assertEquals(ADELE, doc.get("userId").asText());
        assertEquals(2, doc.get("positions").size());
        JsonNode p = doc.get("positions").get(0);
        assertEquals("7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d", p.get("id").asText(), "the id names the position");
        assertEquals("Product Manager", p.at("/detail/jobTitle").asText());
        for (String readOnly : List.of("createdBy", "createdDateTime", "lastModifiedBy", "lastModifiedDateTime")) {
            assertFalse(p.has(readOnly), readOnly + " is set by the service: " + p);
        }
    }

    @Test
    void yamlOnATerminalIsOneDocumentPerUser() {
        Cli.Result r = cli().terminal(true).run("export", "--user", ADELE, "--user", "alex@contoso.com", "-q");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("userId: adele@contoso.com\npositions:\n"), r.toString());
        assertEquals(1, r.out().lines().filter("---"::equals).count(), r.toString());
        assertTrue(r.out().contains("userId: alex@contoso.com"), r.toString());
    }

    /**
     * Each exported position, with its user, must be a valid edit on its own, so the export can be
     * edited and sent with update (ValidateUserDocumentsTest checks the user documents whole).
     */
    @Test
    void exportedPositionsValidateAsEdits() throws Exception {
        Cli.Result r = cli().run("export", "--user", ADELE, "--user", "megan@contoso.com", "-o", "yaml", "-q");
        assertEquals(0, r.code(), r.toString());
        var yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        StringBuilder edits = new StringBuilder();
        int count = 0;
        try (var docs = yaml.readerFor(JsonNode.class).<JsonNode>readValues(r.out())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                for (JsonNode p : doc.get("positions")) {
                    var edit = JSON.createObjectNode().put("userId", doc.get("userId").asText());
                    edit.setAll((com.fasterxml.jackson.databind.node.ObjectNode) p);
                    edits.append(JSON.writeValueAsString(edit)).append('\n');
                    count++;
                }
            }
        }
        assertEquals(3, count, r.toString());
        Files.writeString(dir.resolve("edits.ndjson"), edits);
        Cli.Result v = cli().run("validate", "-f", "edits.ndjson", "--strict", "-o", "json");
        assertEquals(0, v.code(), "no read-only field or bad value in the export: " + v);
    }

    @Test
    void allUsersPagesThroughTheDirectory() throws Exception {
        Cli.Result r = cli().run("export", "--all-users", "-o", "ndjson");
        assertEquals(0, r.code(), r.toString());
        List<String> users = r.out().lines().map(l -> {
            try {
                return JSON.readTree(l).get("userId").asText();
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertEquals(List.of(ADELE, "alex@contoso.com", "megan@contoso.com"), users);
        assertTrue(r.err().contains("exported 3 users (4 positions), 0 failed"), r.toString());
    }

    /** The -o text is shared by every command: export's must name its own defaults, --dir's YAML files among them. */
    @Test
    void helpSaysWhatTheOutputIsByDefault() {
        String help = cli().run("export", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Output format: yaml, ndjson, json (default: yaml on a terminal or with --dir, ndjson otherwise;"), help);
        assertFalse(help.contains("table on a terminal"), help);
        String list = cli().run("list", "--help").out().replaceAll("\\s+", " ");
        assertTrue(list.contains("(default: table on a terminal, json otherwise;"), list);
    }

    @Test
    void dirWritesOneFilePerUser() throws Exception {
        Files.writeString(dir.resolve("users.txt"), "# the team\nadele@contoso.com\n\nalex@contoso.com\n");
        Cli.Result r = cli().run("export", "-f", "users.txt", "--dir", "out", "-q");
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.out(), "the documents go to files, not stdout");
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("adele@contoso.com.yaml", "alex@contoso.com.yaml"),
                files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(dir.resolve("out/alex@contoso.com.yaml")).contains("jobTitle: Staff Engineer"));
    }

    @Test
    void usersFromStdin() throws Exception {
        Cli.Result r = cli().stdin("megan@contoso.com\n").run("export", "-f", "-", "-o", "json", "-q");
        assertEquals(0, r.code(), r.toString());
        JsonNode all = JSON.readTree(r.out());
        assertEquals(1, all.size(), r.toString());
        assertEquals("Marketing Manager", all.get(0).at("/positions/0/detail/jobTitle").asText());
    }

    @Test
    void aBadLineFailsBeforeAnythingIsExported() throws Exception {
        Files.writeString(dir.resolve("users.txt"), "adele@contoso.com\nalex @contoso.com\n");
        Cli.Result r = cli().run("export", "-f", "users.txt", "-o", "ndjson");
        assertEquals(3, r.code(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertTrue(r.err().contains("users.txt:2: "), r.toString());
    }

    @Test
    void theUsersMustBeNamedOnce() {
        assertEquals(2, cli().run("export").code());
        assertEquals(2, cli().run("export", "--all-users", "--user", ADELE).code());
        assertEquals(2, cli().run("export", "--user", ADELE, "-o", "table").code());
    }

    @Test
    void aFileNameCannotLeaveTheDirectory() {
        assertEquals("..%2F..%2Fetc%2Fpasswd.yaml".replaceFirst("^\\.", "%2E"),
            dev.posctl.export.DirectorySink.fileName("../../etc/passwd", dev.posctl.output.OutputFormat.yaml));
        assertEquals("%2Ehidden.json", dev.posctl.export.DirectorySink.fileName(".hidden", dev.posctl.output.OutputFormat.json));
    }
}
