package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -o sarif for validate and diff: a SARIF 2.1.0 log code scanning accepts, on the edits' lines. */
class SarifOutputTest {
    static final String ADELE = GithubOutputTest.ADELE;
    static final String CURRENT = GithubOutputTest.CURRENT;

    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir).env("POSCTL_SANDBOX_DATA", dir.resolve("sandbox.json").toString());
    }

    @Test
    void validateGivesOneRulePerProblemCodeAndResultsOnTheirLines() throws Exception {
        Files.writeString(dir.resolve("bad edits.yaml"), "userId: " + ADELE + "\nid: x\nisCurrent: 3\ndetail:\n  jobTitel: Lead\n---\n"
            + "userId: " + ADELE + "\nid: y\nisCurrent: 4\n");
        var r = cli().run("validate", "-f", "bad edits.yaml", "-o", "sarif");
        assertEquals(3, r.code(), r.toString());
        JsonNode log = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(), schemaViolations(log), r.out());

        JsonNode run = log.get("runs").get(0);
        assertEquals("posctl", run.at("/tool/driver/name").asText());
        List<String> ruleIds = new ArrayList<>();
        run.at("/tool/driver/rules").forEach(rule -> ruleIds.add(rule.get("id").asText()));
        assertEquals(List.of("wrong-type", "unknown-property"), ruleIds, "one rule per code, however often it occurs: " + r.out());
        assertFalse(run.at("/tool/driver/rules/0/help/text").asText().isBlank());

        JsonNode results = run.get("results");
        assertEquals(3, results.size(), r.out());
        JsonNode first = results.get(0);
        assertEquals("wrong-type", first.get("ruleId").asText());
        assertEquals("error", first.get("level").asText());
        assertEquals("bad%20edits.yaml", first.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(3, first.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(12, first.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertEquals("isCurrent", first.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        JsonNode third = results.get(2);
        assertEquals(0, third.get("ruleIndex").asInt(), "the same rule again: " + r.out());
        assertEquals(9, third.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertTrue(r.err().contains("2 edits checked"), "the human summary stays on stderr: " + r);
    }

    @Test
    void aCleanValidationIsALogWithNoResults() throws Exception {
        Files.writeString(dir.resolve("good.yaml"), "userId: " + ADELE + "\nid: x\ndetail:\n  jobTitle: Lead\n");
        var r = cli().run("validate", "-f", "good.yaml", "-o", "sarif");
        assertEquals(0, r.code(), r.toString());
        JsonNode log = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(), schemaViolations(log));
        assertEquals(0, log.at("/runs/0/results").size());
    }

    @Test
    void diffGivesAChangedFieldAsANoteAndAnEditThatCannotBeReadAsAnError() throws Exception {
        Files.writeString(dir.resolve("e.yaml"), "userId: " + ADELE + "\nid: " + CURRENT + "\ndetail:\n  jobTitle: Diffed\n---\n"
            + "userId: " + ADELE + "\nid: nope\ndetail:\n  jobTitle: Other\n");
        var r = cli().run("diff", "-f", "e.yaml", "-o", "sarif");
        assertEquals(4, r.code(), r.toString());
        JsonNode log = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(), schemaViolations(log), r.out());
        JsonNode results = log.at("/runs/0/results");
        assertEquals(2, results.size(), r.out());
        assertEquals("would-change", results.get(0).get("ruleId").asText());
        assertEquals("note", results.get(0).get("level").asText());
        assertEquals("detail.jobTitle", results.get(0).at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        assertEquals(1, results.get(0).at("/locations/0/physicalLocation/region/startLine").asInt());
        assertTrue(results.get(0).at("/message/text").asText().endsWith(" -> \"Diffed\""), r.out());
        assertEquals("diff-failed", results.get(1).get("ruleId").asText());
        assertEquals("error", results.get(1).get("level").asText());
        assertEquals(6, results.get(1).at("/locations/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void diffOfInvalidEditsIsASarifLogOfTheProblems() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "userId: " + ADELE + "\nid: x\nisCurrent: 3\n");
        var r = cli().run("diff", "-f", "bad.yaml", "-o", "sarif");
        assertEquals(3, r.code(), r.toString());
        JsonNode log = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(), schemaViolations(log));
        assertEquals("wrong-type", log.at("/runs/0/results/0/ruleId").asText());
    }

    @Test
    void commandsWithoutFindingsRefuseSarif() {
        var r = cli().run("list", "--user", ADELE, "-o", "sarif");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--output sarif is not available for posctl list"), r.toString());
    }

    /** The required structure of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json), for what posctl writes. */
    static List<String> schemaViolations(JsonNode log) {
        List<String> bad = new ArrayList<>();
        if (!"2.1.0".equals(log.path("version").asText())) {
            bad.add("version must be 2.1.0");
        }
        if (!log.path("runs").isArray() || log.path("runs").isEmpty()) {
            bad.add("runs must be a non-empty array");
        }
        for (JsonNode run : log.path("runs")) {
            JsonNode driver = run.path("tool").path("driver");
            if (!driver.path("name").isTextual()) {
                bad.add("runs[].tool.driver.name is required");
            }
            JsonNode rules = driver.path("rules");
            for (JsonNode rule : rules) {
                if (!rule.path("id").isTextual()) {
                    bad.add("rules[].id is required");
                }
                for (String text : List.of("shortDescription", "help")) {
                    if (rule.has(text) && !rule.path(text).path("text").isTextual()) {
                        bad.add("rules[]." + text + ".text is required");
                    }
                }
            }
            if (!run.path("results").isArray()) {
                bad.add("runs[].results must be an array");
            }
            for (JsonNode result : run.path("results")) {
                if (!result.path("ruleId").isTextual()) {
                    bad.add("results[].ruleId missing");
                }
                if (!result.path("message").path("text").isTextual()) {
                    bad.add("results[].message.text is required");
                }
                if (!List.of("none", "note", "warning", "error").contains(result.path("level").asText())) {
                    bad.add("results[].level " + result.path("level"));
                }
                if (result.has("ruleIndex")) {
                    JsonNode rule = rules.path(result.get("ruleIndex").asInt());
                    if (!rule.path("id").asText().equals(result.path("ruleId").asText())) {
                        bad.add("results[].ruleIndex does not name the rule of its ruleId");
                    }
                }
                for (JsonNode location : result.path("locations")) {
                    JsonNode physical = location.path("physicalLocation");
                    if (!physical.path("artifactLocation").path("uri").isTextual()) {
                        bad.add("locations[].physicalLocation.artifactLocation.uri missing");
                    }
                    if (physical.has("region") && physical.path("region").path("startLine").asInt() < 1) {
                        bad.add("region.startLine must be at least 1");
                    }
                }
            }
        }
        return bad;
    }
}
