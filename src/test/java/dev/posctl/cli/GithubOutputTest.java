package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -o github on every command that prints problems or per-edit results; machine formats always print a document. */
class GithubOutputTest {
    static final String ADELE = "adele@contoso.com";
    static final String CURRENT = "7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d";

    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir).env("POSCTL_SANDBOX_DATA", dir.resolve("sandbox.json").toString());
    }

    @Test
    void failedEditsOfAnUpdateAreAnnotationsOnTheirLines() throws Exception {
        Files.writeString(dir.resolve("e.ndjson"), "{\"userId\":\"" + ADELE + "\",\"id\":\"nope\",\"detail\":{\"role\":\"x\"}}\n"
            + "{\"userId\":\"" + ADELE + "\",\"id\":\"" + CURRENT + "\",\"detail\":{\"role\":\"Lead\"}}\n");
        var r = cli().run("update", "-f", "e.ndjson", "-o", "github");
        assertEquals(4, r.code(), r.toString());
        String[] lines = r.out().split("\n");
        assertEquals(1, lines.length, r.toString());
        assertTrue(lines[0].startsWith("::error file=e.ndjson,line=1,col=1,title=posctl update failed (404)::" + ADELE + " nope: "), r.toString());
    }

    @Test
    void invalidInputIsAnnotatedAndMachineFormatsStillPrintADocument() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "userId: " + ADELE + "\nid: x\nisCurrent: 3\n");
        var github = cli().run("update", "-f", "bad.yaml", "-o", "github");
        assertEquals(3, github.code(), github.toString());
        assertTrue(github.out().startsWith("::error file=bad.yaml,line=3,col=12,title=posctl wrong-type::isCurrent:"), github.toString());

        var json = cli().run("update", "-f", "bad.yaml", "-o", "json");
        assertEquals(3, json.code(), json.toString());
        JsonNode problems = new ObjectMapper().readTree(json.out());
        assertEquals("wrong-type", problems.get(0).get("code").asText(), json.toString());
        assertEquals(3, problems.get(0).get("line").asInt());

        var ndjson = cli().run("create", "-f", "bad.yaml", "-o", "ndjson");
        assertEquals(3, ndjson.code(), ndjson.toString());
        assertEquals("bad.yaml", new ObjectMapper().readTree(ndjson.out().lines().findFirst().orElseThrow()).get("source").asText());
    }

    @Test
    void diffShowsChangesAsNoticesWithTheirSource() throws Exception {
        Files.writeString(dir.resolve("e.yaml"), "userId: " + ADELE + "\nid: " + CURRENT + "\ndetail:\n  jobTitle: Diffed\n");
        var r = cli().run("diff", "-f", "e.yaml", "-o", "github");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().startsWith("::notice file=e.yaml,line=1,col=1,title=posctl diff::" + ADELE + " " + CURRENT
            + ": detail.jobTitle: "), r.toString());
        assertTrue(r.out().contains(" -> \"Diffed\""), r.toString());

        var json = cli().run("diff", "-f", "e.yaml", "-o", "json");
        assertEquals("e.yaml:1:1", new ObjectMapper().readTree(json.out()).get(0).get("source").asText(), json.toString());
    }

    @Test
    void inGithubActionsAnnotationsAreTheDefaultOffATerminal() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "userId: " + ADELE + "\nid: x\nisCurrent: 3\n");
        var actions = cli().env("GITHUB_ACTIONS", "true").run("validate", "-f", "bad.yaml");
        assertEquals(3, actions.code(), actions.toString());
        assertTrue(actions.out().startsWith("::error file=bad.yaml,line=3,col=12,"), actions.toString());
        assertTrue(actions.err().contains("1 error"), "the human summary too: " + actions);

        var explicit = cli().env("GITHUB_ACTIONS", "true").run("validate", "-f", "bad.yaml", "-o", "json");
        assertTrue(explicit.out().startsWith("["), explicit.toString());
        var elsewhere = cli().run("validate", "-f", "bad.yaml");
        assertTrue(elsewhere.out().startsWith("["), "json off a terminal elsewhere: " + elsewhere);
        var list = cli().env("GITHUB_ACTIONS", "true").run("list", "--user", ADELE, "-q");
        assertTrue(list.out().startsWith("["), "list has no annotations to give: " + list);
    }
}
