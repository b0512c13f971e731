package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** posctl apply --plan against the embedded sandbox: matching, the plan, its exit codes, and that nothing is sent. */
class ApplyPlanTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADELE = "adele@contoso.com";

    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir);
    }

    private String export(String... more) {
        List<String> args = new ArrayList<>(List.of("export", "-o", "ndjson", "-q"));
        args.addAll(List.of(more));
        Cli.Result r = cli().run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        return r.out();
    }

    @Test
    void anExportPlansNoChange() throws Exception {
        Cli.Result e = cli().run("export", "--all-users", "-o", "yaml", "-q");
        Files.writeString(dir.resolve("all.yaml"), e.out());
        Cli.Result r = cli().run("apply", "--plan", "-f", "all.yaml", "-o", "json");
        assertEquals(0, r.code(), r.toString());
        JsonNode rows = JSON.readTree(r.out());
        assertTrue(rows.size() > 1, r.toString());
        for (JsonNode row : rows) {
            assertEquals("keep", row.get("action").asText(), r.toString());
        }
        assertTrue(r.err().contains("0 to create, 0 to update, " + rows.size() + " to keep, 0 to delete"), r.toString());
    }

    @Test
    void planCreatesUpdatesMatchesByFieldsAndPrunesWithoutSending() throws Exception {
        String before = export("--all-users");
        ObjectNode doc = (ObjectNode) JSON.readTree(export("--user", ADELE).trim());
        ArrayNode positions = (ArrayNode) doc.get("positions");
        assertEquals(2, positions.size(), doc.toString());
        String changedId = positions.get(0).get("id").asText();
        String prunedId = positions.get(1).get("id").asText();
        // the same position without its id: found by company, title and start
        ObjectNode byFields = positions.get(0).deepCopy();
        byFields.remove("id");
        ((ObjectNode) byFields.get("detail")).put("role", "Lead");
        ((ObjectNode) positions.get(0).get("detail")).put("jobTitle", "Principal PM");
        positions.remove(1);
        positions.addObject().putObject("detail").put("jobTitle", "Brand new").putObject("company").put("displayName", "Fabrikam");
        Files.writeString(dir.resolve("adele.ndjson"), JSON.writeValueAsString(doc) + "\n");

        Cli.Result r = cli().run("apply", "--plan", "--prune", "-f", "adele.ndjson", "-o", "json");
        assertEquals(1, r.code(), r.toString());
        JsonNode rows = JSON.readTree(r.out());
        List<String> actions = new ArrayList<>();
        rows.forEach(row -> actions.add(row.get("action").asText() + ":" + row.path("id").asText("-") + ":" + row.path("path").asText("")));
        assertEquals(List.of("update:" + changedId + ":detail.jobTitle", "create:-:", "delete:" + prunedId + ":"), actions, r.toString());
        assertEquals("Principal PM", rows.get(0).get("new").asText());
        assertEquals("adele.ndjson:1:" + rows.get(1).get("source").asText().split(":")[2], rows.get(1).get("source").asText());
        assertEquals(before, export("--all-users"), "a plan sends nothing");

        Cli.Result withoutPrune = cli().run("apply", "--plan", "-f", "adele.ndjson", "-o", "json");
        assertEquals(1, withoutPrune.code(), withoutPrune.toString());
        assertFalse(withoutPrune.out().contains("\"delete\""), withoutPrune.toString());
        assertTrue(withoutPrune.err().contains("1 current position is in no document and left alone (--prune deletes them)"),
            withoutPrune.toString());

        Files.writeString(dir.resolve("same.ndjson"), "{\"userId\":\"" + ADELE + "\",\"positions\":[" + byFields + "]}\n");
        Cli.Result matched = cli().run("apply", "--plan", "-f", "same.ndjson", "-o", "json");
        assertEquals(1, matched.code(), matched.toString());
        JsonNode m = JSON.readTree(matched.out());
        assertEquals(1, m.size(), matched.toString());
        assertEquals("update", m.get(0).get("action").asText(), "matched by its fields, not created: " + matched);
        assertEquals(changedId, m.get(0).get("id").asText(), matched.toString());
        assertEquals("detail.role", m.get(0).get("path").asText(), matched.toString());
    }

    @Test
    void aTerminalGetsATable() throws Exception {
        Files.writeString(dir.resolve("u.ndjson"), export("--user", ADELE));
        Cli.Result r = cli().terminal(true).run("apply", "--plan", "-f", "u.ndjson");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("ACTION") && r.out().contains("keep"), r.toString());
    }

    @Test
    void twoDesiredWithTheSameKeyAreNamedBoth() throws Exception {
        Files.writeString(dir.resolve("dup.yaml"), String.join("\n",
            "userId: " + ADELE,
            "positions:",
            "- detail: {jobTitle: A, company: {displayName: X}}",
            "- detail: {jobTitle: A, company: {displayName: X}}",
            ""));
        Cli.Result r = cli().run("apply", "--plan", "-f", "dup.yaml", "-o", "json");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains("dup.yaml:3:") && r.err().contains("dup.yaml:4:"), r.toString());
        assertTrue(r.err().contains("describe the same position"), r.toString());
    }

    @Test
    void oneKeyMatchingTwoCurrentPositionsNamesBoth() throws Exception {
        String first = JSON.readTree(export("--user", ADELE).trim()).at("/positions/0/id").asText();
        Cli.Result c = cli().run("create", "--user", ADELE, "--job-title", "Product Manager", "--company", "Contoso",
            "--start", "2021-03-01", "-o", "json");
        assertEquals(0, c.code(), c.toString());
        String twin = JSON.readTree(c.out()).findValue("id").asText();
        Files.writeString(dir.resolve("u.yaml"), String.join("\n",
            "userId: " + ADELE,
            "positions:",
            "- detail: {jobTitle: Product Manager, company: {displayName: Contoso}, startMonthYear: 2021-03-01}",
            ""));
        Cli.Result r = cli().run("apply", "--plan", "-f", "u.yaml", "-o", "json");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains(first) && r.err().contains(twin) && r.err().contains("which have the same"), r.toString());

        // twins nobody matches by fields are no obstacle: they are left alone
        Files.writeString(dir.resolve("other.yaml"), "userId: " + ADELE + "\npositions:\n- detail: {jobTitle: Other}\n");
        Cli.Result other = cli().run("apply", "--plan", "-f", "other.yaml", "-o", "json");
        assertEquals(1, other.code(), other.toString());
        assertTrue(other.err().contains("1 to create") && other.err().contains("3 current positions are in no document"), other.toString());
    }

    @Test
    void anIdTheUserLacksIsInvalid() throws Exception {
        Files.writeString(dir.resolve("u.yaml"), "userId: " + ADELE + "\npositions:\n- id: no-such-position\n");
        Cli.Result r = cli().run("apply", "--plan", "-f", "u.yaml");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains("u.yaml:3:3 names position no-such-position, which " + ADELE + " does not have"), r.toString());
    }

    @Test
    void aPlanTakesNoRunOptions() throws Exception {
        Files.writeString(dir.resolve("u.ndjson"), export("--user", ADELE));
        Cli.Result r = cli().run("apply", "--plan", "--journal", "j", "-f", "u.ndjson");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--plan sends nothing and keeps no journal or report: leave out --journal"), r.toString());
        assertFalse(Files.exists(dir.resolve("j")), r.toString());
    }

    @Test
    void githubGetsANoticePerChangeOnItsLine() throws Exception {
        Files.writeString(dir.resolve("u.yaml"), "userId: " + ADELE + "\npositions:\n- detail: {jobTitle: Mentor, company: {displayName: Fabrikam}}\n");
        Cli.Result r = cli().run("apply", "--plan", "--prune", "-f", "u.yaml", "-o", "github");
        assertEquals(1, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.toString());
        assertTrue(lines.get(0).startsWith("::notice file=u.yaml,line=3,col=3,title=posctl apply --plan::create a position of " + ADELE), r.toString());
        assertTrue(lines.get(1).startsWith("::notice title=posctl apply --plan::delete position "), r.toString());
    }

    @Test
    void aLargeNdjsonInputIsReadOnSeveralThreadsAndPlansEveryUser() throws Exception {
        // over one block (1 MiB): the NDJSON reader parses on several threads, which tell apply the users at once
        StringBuilder sb = new StringBuilder();
        int users = 6000;
        for (int i = 0; i < users; i++) {
            sb.append("{\"userId\":\"bulk").append(i).append("@contoso.com\",\"positions\":[{\"detail\":{\"jobTitle\":\"Engineer ")
                .append(i).append("\",\"company\":{\"displayName\":\"Contoso\",\"department\":\"Platform engineering\"},")
                .append("\"startMonthYear\":\"2024-01-01\"},\"isCurrent\":true}]}\n");
        }
        sb.append("{\"userId\":\"nobody@contoso.com\",\"positions\":[]}\n");
        assertTrue(sb.length() > (1 << 20), "more than one block: " + sb.length());
        Files.writeString(dir.resolve("big.ndjson"), sb);
        Cli.Result r = cli().run("apply", "--plan", "-f", "big.ndjson", "-o", "ndjson", "--progress", "off");
        assertEquals(1, r.code(), () -> r.err());
        assertTrue(r.err().contains("plan: " + users + " to create, 0 to update, 0 to keep, 0 to delete"), r.err());
    }
}
