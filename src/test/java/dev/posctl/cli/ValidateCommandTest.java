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

class ValidateCommandTest {
    @TempDir
    Path dir;

    static final String GOOD_YAML = "userId: adele@contoso.com\nid: p1\ndetail:\n  jobTitle: PM\n";

    private Cli cli() {
        return new Cli(dir);
    }

    @Test
    void validFileExitsZeroWithAnEmptyProblemArrayWhenPiped() throws Exception {
        Files.writeString(dir.resolve("e.yaml"), GOOD_YAML + "---\n" + GOOD_YAML);
        Cli.Result r = cli().run("validate", "-f", "e.yaml");
        assertEquals(0, r.code(), r::toString);
        assertEquals("[]", r.out().trim());
        assertTrue(r.err().contains("2 edits checked, 2 valid: 0 errors, 0 warnings"), r::toString);
    }

    @Test
    void problemsAsTextNameFileLineColumnAndField() throws Exception {
        Files.writeString(dir.resolve("edits.yaml"), "userId: a\nid: b\ndetail:\n  jobTitle: x\n  startMonthYear: \"2021-13-01\"\n");
        Cli.Result r = cli().run("validate", "-f", "edits.yaml", "-o", "text");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("edits.yaml:5:19: error: detail.startMonthYear: \"2021-13-01\" is not a date (expected YYYY-MM-DD)"), r::toString);
        assertEquals("", r.out());
        assertFalse(r.err().contains("\u001b["), "no colour when not a terminal");
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() throws Exception {
        Files.writeString(dir.resolve("e.json"), "{\"userId\":\"a\"}");
        assertTrue(cli().terminal(true).run("validate", "-f", "e.json").err().contains("\u001b[31merror"));
        assertFalse(cli().terminal(true).env("NO_COLOR", "1").run("validate", "-f", "e.json").err().contains("\u001b["));
        assertFalse(cli().terminal(true).run("validate", "--no-color", "-f", "e.json").err().contains("\u001b["));
    }

    @Test
    void jsonProblemsCarryEveryField() throws Exception {
        Files.writeString(dir.resolve("e.ndjson"), "{\"userId\":\"a\",\"id\":\"b\"}\n{\"userId\":\"a\",\"id\":\"b\",\"detail\":{\"title\":\"x\"}}\n");
        Cli.Result r = cli().run("validate", "-f", "e.ndjson", "-o", "json");
        assertEquals(3, r.code());
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertEquals(1, arr.size());
        JsonNode p = arr.get(0);
        assertEquals("e.ndjson", p.get("source").asText());
        assertEquals(2, p.get("line").asInt());
        assertEquals(34, p.get("column").asInt());
        assertEquals(2, p.get("document").asInt());
        assertEquals("detail.title", p.get("path").asText());
        assertEquals("error", p.get("severity").asText());
        assertEquals("unknown-property", p.get("code").asText());
        assertTrue(p.get("message").asText().contains("did you mean jobTitle?"));
    }

    @Test
    void githubAnnotations() throws Exception {
        Files.writeString(dir.resolve("e.yaml"), "userId: a\nid: b\nisCurrent: 3\ncreatedDateTime: x\n");
        Cli.Result r = cli().run("validate", "-f", "e.yaml", "-o", "github");
        assertEquals(3, r.code());
        assertTrue(r.out().contains("::error file=e.yaml,line=3,col=12,title=posctl wrong-type::isCurrent: expected Boolean, got number 3"), r::toString);
        assertTrue(r.out().contains("::warning file=e.yaml,line=4,col=1,"), r::toString);
    }

    @Test
    void warningsExitZeroUnlessStrict() throws Exception {
        Files.writeString(dir.resolve("e.yaml"), GOOD_YAML + "createdDateTime: 2020-01-01T00:00:00Z\n");
        assertEquals(0, cli().run("validate", "-f", "e.yaml").code());
        assertEquals(3, cli().run("validate", "--strict", "-f", "e.yaml").code());
    }

    @Test
    void emptyYamlDocumentsAreNotEdits() {
        Cli.Result r = cli().stdin("---\nuserId: a\nid: p1\ndetail: {jobTitle: A}\n---\n---\nuserId: b\nid: p2\n---\n")
            .run("validate", "-f", "-", "-o", "text");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("2 edits checked, 2 valid"), r::toString);
    }

    @Test
    void valuesBeyondTheParserLimitsAreNamedInPlainWords() {
        // validate skips strings it need not read (for speed) and so accepts them; update reads them all
        String huge = "x".repeat(2 << 20);
        Cli.Result r = cli().stdin("{\"userId\":\"a\",\"id\":\"p1\"}\n{\"userId\":\"a\",\"id\":\"p2\",\"detail\":{\"jobTitle\":\"" + huge + "\"}}\n")
            .run("update", "-f", "-", "-o", "json");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("<stdin>:2:") && r.err().contains("a string value is longer than 1 MiB, the most posctl reads"), r.err());
        assertFalse(r.err().contains("StreamReadConstraints"), r.err());
    }

    @Test
    void stdinIsSniffedAndFlagsFillTheUser() {
        Cli.Result r = cli().stdin("{\"id\":\"p1\",\"detail\":{\"jobTitle\":\"x\"}}\n{\"id\":\"p2\"}\n")
            .run("validate", "-f", "-", "--user", "adele@contoso.com");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("2 edits checked, 2 valid"), r::toString);
        Cli.Result yaml = cli().stdin("id: p1\nuserId: a\ndetail: {layer: x}\n").run("validate", "-f", "-", "-o", "text");
        assertEquals(3, yaml.code());
        assertTrue(yaml.err().contains("<stdin>:3:17: error: detail.layer: expected Int32, got string \"x\""), yaml::toString);
    }

    @Test
    void directoriesAreReadInNameOrder() throws Exception {
        Path d = Files.createDirectory(dir.resolve("edits"));
        Files.writeString(d.resolve("b.yaml"), GOOD_YAML);
        Files.writeString(d.resolve("a.json"), "{\"userId\":\"x\"}");
        Files.writeString(d.resolve("notes.txt"), "ignored");
        Cli.Result r = cli().run("validate", "-f", "edits", "-o", "text");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("edits/a.json:1:1: error: id: no id"), r::toString);
        assertTrue(r.err().contains("2 edits checked, 1 valid"), r::toString);
    }

    @Test
    void editFromFlagsAloneIsTypedByTheSchema() {
        Cli.Result ok = cli().run("validate", "--user", "me", "--id", "p1", "--job-title", "PM", "--start", "2021-03",
            "--audience", "organization", "--audience", "contacts", "--set", "detail.layer=3", "--set", "categories=a,b",
            "--is-current", "--unset", "detail.role");
        assertEquals(0, ok.code(), ok::toString);
        Cli.Result bad = cli().run("validate", "--user", "me", "--id", "p1", "--set", "detail.layer=three",
            "--set", "detail.titel=x", "--audience", "org", "--start", "2021-13", "-o", "text");
        assertEquals(3, bad.code(), bad::toString);
        assertTrue(bad.err().contains("<flags>: error: detail.layer: expected Int32, got string \"three\""), bad::toString);
        assertTrue(bad.err().contains("detail.titel: unknown property of positionDetail (did you mean jobTitle?)"), bad::toString);
        assertTrue(bad.err().contains("allowedAudiences: \"org\" is not a member of allowedAudiences (did you mean \"organization\"?)"), bad::toString);
        assertTrue(bad.err().contains("detail.startMonthYear: \"2021-13\" is not a date"), bad::toString);
        for (String value : new String[] {"detail=", "detail={\"jobTitle\":", "detail={} {}"}) {
            Cli.Result json = cli().run("validate", "--user", "me", "--id", "p1", "--set", value);
            assertEquals(2, json.code(), json::toString);
            assertTrue(json.err().contains("not valid JSON"), json::toString);
        }
    }

    @Test
    void flagsApplyOnTopOfEveryDocument() throws Exception {
        Files.writeString(dir.resolve("e.ndjson"), "{\"userId\":\"a\",\"id\":\"1\",\"detail\":{\"layer\":\"bad\"}}\n{\"id\":\"2\"}\n");
        Cli.Result r = cli().run("validate", "-f", "e.ndjson", "--user", "u", "--set", "detail.layer=4");
        assertEquals(3, r.code(), "the file's bad value is reported even though a flag replaces it: " + r);
        Files.writeString(dir.resolve("f.ndjson"), "{\"userId\":\"a\",\"id\":\"1\",\"isCurrent\":true}\n{\"id\":\"2\",\"isCurrent\":true}\n");
        Cli.Result w = cli().run("validate", "-f", "f.ndjson", "--user", "u", "--end", "2020-01", "-o", "text");
        assertEquals(0, w.code(), w::toString);
        assertEquals(2, w.err().split("current-with-past-end|is in the past", -1).length - 1, w::toString);
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertEquals(2, cli().run("validate").code());
        assertEquals(2, cli().run("validate", "--bogus").code());
        assertEquals(2, cli().run("validate", "--user", "a", "--set", "nothing").code());
        Cli.Result r = cli().run("validate", "--user", "a", "--set", "detail.company={bad json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--set detail.company: not valid JSON"), r::toString);
        assertEquals(2, cli().run("validate", "-f", "-", "-f", "-").code());
        Files.writeString(dir.resolve("e.yaml"), GOOD_YAML);
        assertEquals(2, cli().run("validate", "-f", "e.yaml", "-o", "table").code() == 0 ? 2 : 0,
            "table means text for validate");
    }

    @Test
    void missingFileAndEmptyFileAreInvalidInput() throws Exception {
        Cli.Result r = cli().run("validate", "-f", "nope.yaml", "-o", "text");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("nope.yaml: error: no such file"), r::toString);
        Files.writeString(dir.resolve("empty.json"), "");
        Cli.Result e = cli().run("validate", "-f", "empty.json", "-o", "text");
        assertEquals(3, e.code());
        assertTrue(e.err().contains("empty.json: error: no edits found"), e::toString);
    }

    @Test
    void theFoundingDocumentsExampleIsReadAndItsPlaceholdersFlagged() {
        Path seed = Path.of("src/test/resources/dev/posctl/seed-update-request.json").toAbsolutePath();
        Cli.Result r = cli().run("validate", "-f", seed.toString(), "--user", "adele@contoso.com", "--id",
            "7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d", "-o", "json");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.out().contains("\"code\":\"unknown-enum-member\""), r::toString);
        assertTrue(r.out().contains("\"path\":\"allowedAudiences\""), r::toString);
        assertTrue(r.out().contains("\"code\":\"read-only\""), r::toString);
        assertFalse(r.out().contains("missing-"), r::toString);
    }
}
