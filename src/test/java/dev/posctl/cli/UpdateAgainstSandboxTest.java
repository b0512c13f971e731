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

/** The main job end to end against the embedded sandbox, the default endpoint. */
class UpdateAgainstSandboxTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADELE = "adele@contoso.com";
    static final String CURRENT = "7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d";

    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir);
    }

    @Test
    void updateWithoutAnEndpointUsesTheSandboxAndKeepsNestedFields() throws Exception {
        Cli.Result r = cli().run("update", "--user", ADELE, "--id", CURRENT, "--job-title", "Principal PM", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("using the embedded sandbox"), r::toString);
        assertTrue(Files.exists(dir.resolve("data/posctl/sandbox.json")), "data under XDG_DATA_HOME");
        JsonNode res = JSON.readTree(r.out()).get(0);
        assertEquals("updated", res.get("status").asText());
        Cli.Result got = cli().run("get", "--user", ADELE, "--id", CURRENT, "-o", "json");
        JsonNode pos = JSON.readTree(got.out());
        assertEquals("Principal PM", pos.at("/detail/jobTitle").asText());
        assertEquals("Contoso", pos.at("/detail/company/displayName").asText(), "the merge kept the company");
        assertEquals("2021-03-01", pos.at("/detail/startMonthYear").asText());
        Cli.Result again = cli().run("update", "--user", ADELE, "--id", CURRENT, "--job-title", "Principal PM", "-o", "json");
        assertEquals("unchanged", JSON.readTree(again.out()).get(0).get("status").asText());
    }

    @Test
    void noMergeAgainstTheSandboxShowsWhyMergingMatters() throws Exception {
        assertEquals(0, cli().run("update", "--no-merge", "--user", ADELE, "--id", CURRENT, "--job-title", "X").code());
        JsonNode pos = JSON.readTree(cli().run("get", "--user", ADELE, "--id", CURRENT, "-o", "json").out());
        assertTrue(pos.at("/detail/company").isMissingNode(), "the sandbox replaces complex values whole, like Graph may");
    }

    @Test
    void getOutputFedBackAsInputIsValidAndUnchanged() throws Exception {
        String yaml = cli().run("get", "--user", ADELE, "--id", CURRENT, "-o", "yaml").out();
        Files.writeString(dir.resolve("p.yaml"), yaml);
        Cli.Result r = cli().run("update", "-f", "p.yaml", "--user", ADELE, "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals("unchanged", JSON.readTree(r.out()).get(0).get("status").asText(), r::toString);
        assertTrue(r.err().contains("read-only"), "warned, then left out: " + r);
    }

    @Test
    void listCurrentCreateAndDelete() throws Exception {
        Cli.Result list = cli().run("list", "--user", ADELE, "-o", "json");
        assertEquals(2, JSON.readTree(list.out()).size(), list::toString);
        Cli.Result table = cli().run("list", "--user", ADELE, "-o", "table");
        assertTrue(table.out().startsWith("ID  "), table::toString);
        assertTrue(table.out().contains("JOB TITLE") && table.out().contains("Product Manager"), table::toString);

        Cli.Result cur = cli().run("update", "--current", "--user", ADELE, "--level", "L64", "-o", "json");
        assertEquals(CURRENT, JSON.readTree(cur.out()).get(0).get("id").asText(), cur::toString);

        Cli.Result created = cli().run("create", "--user", "newbie@contoso.com", "--job-title", "Intern", "--company", "Contoso",
            "--start", "2026-09", "-o", "json");
        assertEquals(0, created.code(), created::toString);
        String id = JSON.readTree(created.out()).get(0).get("id").asText();
        assertEquals(1, JSON.readTree(cli().run("list", "--user", "newbie@contoso.com", "-o", "json").out()).size());

        Cli.Result refused = cli().run("delete", "--user", "newbie@contoso.com", "--id", id);
        assertEquals(2, refused.code(), "no --yes and no terminal: " + refused);
        assertEquals(0, cli().run("delete", "--user", "newbie@contoso.com", "--id", id, "--yes").code());
        assertEquals(0, JSON.readTree(cli().run("list", "--user", "newbie@contoso.com", "-o", "json").out()).size());
        Cli.Result asked = cli().terminal(true).stdin("n\n").run("delete", "--user", ADELE, "--id", CURRENT);
        assertEquals(130, asked.code(), "declining is a cancellation: " + asked);
        assertTrue(asked.err().contains("Delete position " + CURRENT) && asked.err().contains("nothing deleted"), asked::toString);
        assertEquals(2, JSON.readTree(cli().run("list", "--user", ADELE, "-o", "json").out()).size());
    }

    @Test
    void missingPositionsFailPerEditAndTheRestGoThrough() throws Exception {
        Files.writeString(dir.resolve("e.ndjson"), "{\"userId\":\"" + ADELE + "\",\"id\":\"nope\",\"detail\":{\"role\":\"x\"}}\n"
            + "{\"userId\":\"" + ADELE + "\",\"id\":\"" + CURRENT + "\",\"detail\":{\"role\":\"Lead\"}}\n");
        Cli.Result r = cli().run("update", "-f", "e.ndjson", "-o", "json");
        assertEquals(4, r.code(), r::toString);
        JsonNode results = JSON.readTree(r.out());
        assertEquals("failed", results.get(0).get("status").asText());
        assertTrue(results.get(0).get("error").asText().contains("404"), r::toString);
        assertEquals("updated", results.get(1).get("status").asText());
        assertTrue(r.err().contains("e.ndjson:1:1: " + ADELE + " nope: GET 404"), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @Test
    void foundingDocumentFormAgainstTheSandbox() throws Exception {
        Cli.Result r = cli().run("update", "--path-style", "seed", "--user", ADELE, "--id", CURRENT, "--set",
            "categories=product,leadership", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        JsonNode pos = JSON.readTree(cli().run("get", "--user", ADELE, "--id", CURRENT, "-o", "json").out());
        assertEquals(2, pos.get("categories").size());
        assertEquals("Product Manager", pos.at("/detail/jobTitle").asText());
    }
}
