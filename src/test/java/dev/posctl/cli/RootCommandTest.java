package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootCommandTest {
    @TempDir
    Path dir;

    @Test
    void versionComesFromTheBuild() {
        Cli.Result r = new Cli(dir).run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("(?s)posctl \\d+\\.\\d+\\.\\d+.*"), r.out());
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        Cli.Result r = new Cli(dir).run("--help");
        assertEquals(0, r.code());
        for (String s : new String[] {"validate", "schema", "Exit codes:", "3     invalid input: nothing was sent", "130"}) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = new Cli(dir).run();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("a command is missing"));
        assertEquals(2, new Cli(dir).run("valdiate").code());
        assertTrue(new Cli(dir).run("valdiate").err().contains("validate"), "suggests the nearest command");
    }

    @Test
    void outputFormatDefaultsFromTheEnvironment() {
        Cli.Result r = new Cli(dir).env("POSCTL_OUTPUT", "yaml").run("schema", "detail.layer");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("type: Int32"), r::toString);
        assertEquals(2, new Cli(dir).env("POSCTL_OUTPUT", "xml").run("schema").code());
    }

    @Test
    void schemaExplainsTypesFieldsAndEnums() throws Exception {
        Cli.Result company = new Cli(dir).run("schema", "detail.company", "-o", "text");
        assertEquals(0, company.code());
        assertTrue(company.out().contains("FIELD:    detail.company <companyDetail>"), company.out());
        assertTrue(company.out().matches("(?s).*displayName\\s+<String>\\s+\\[not null\\].*"), company.out());
        Cli.Result audiences = new Cli(dir).run("schema", "allowedAudiences", "-o", "text");
        assertTrue(audiences.out().contains("MEMBERS (combine with commas):"), audiences.out());
        assertTrue(audiences.out().contains("    federatedOrganizations"), audiences.out());
        JsonNode json = new ObjectMapper().readTree(new Cli(dir).run("schema", "manager.relationship").out());
        assertEquals("personRelationship", json.get("type").asText());
        assertEquals(16, json.get("members").size());
        Cli.Result root = new Cli(dir).terminal(true).run("schema");
        assertTrue(root.out().contains("userId"), root.out());
        Cli.Result unknown = new Cli(dir).run("schema", "detail.titel");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("did you mean detail.jobTitle?"), unknown.err());
        assertFalse(unknown.err().contains("Exception"));
    }

    @Test
    void jsonSchemaExport() throws Exception {
        Cli.Result r = new Cli(dir).run("schema", "--json-schema");
        assertEquals(0, r.code());
        JsonNode js = new ObjectMapper().readTree(r.out());
        assertEquals("https://json-schema.org/draft/2020-12/schema", js.get("$schema").asText());
        assertTrue(js.at("/properties/userId").isObject());
    }
}
