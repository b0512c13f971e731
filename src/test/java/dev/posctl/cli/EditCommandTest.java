package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** posctl edit with fake editors (scripts that rewrite the file) against the embedded sandbox. */
class EditCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADELE = "adele@contoso.com";
    static final String ID = "7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d";

    @TempDir
    Path dir;

    Path editor(String name, String script) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\nset -e\n" + script + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    JsonNode position() throws Exception {
        return JSON.readTree(new Cli(dir).run("get", "--user", ADELE, "--id", ID, "-o", "json").out());
    }

    @Test
    void aSavedChangeIsValidatedAndSentWithTheMerge() throws Exception {
        Path ed = editor("retitle", "sed -i 's/jobTitle: Product Manager/jobTitle: Head of Product/' \"$1\"");
        Cli.Result r = new Cli(dir).env("EDITOR", ed.toString()).run("edit", "--user", ADELE, "--id", ID, "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals("updated", JSON.readTree(r.out()).get(0).get("status").asText());
        JsonNode p = position();
        assertEquals("Head of Product", p.at("/detail/jobTitle").asText());
        assertEquals("Contoso", p.at("/detail/company/displayName").asText());
    }

    @Test
    void problemsReopenTheFileAsCommentsUntilFixed() throws Exception {
        Path log = dir.resolve("rounds.log");
        Path ed = editor("twice", "cp \"$1\" \"" + dir + "/round$(ls " + dir + " | grep -c '^round[0-9]' || true).yaml\"\n"
            + "if grep -q '^# posctl: this edit has problems' \"$1\"; then\n"
            + "  sed -i 's/startMonthYear: .*/startMonthYear: 2021-04-01/' \"$1\"\n"
            + "else\n"
            + "  sed -i 's/startMonthYear: .*/startMonthYear: 2021-13-01/' \"$1\"\n"
            + "fi\necho round >> \"" + log + "\"");
        Cli.Result r = new Cli(dir).env("VISUAL", ed.toString()).run("edit", "--user", ADELE, "--id", ID, "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals(2, Files.readAllLines(log).size(), "the editor opened twice");
        String second = Files.readString(dir.resolve("round1.yaml"));
        assertTrue(second.startsWith("# posctl: this edit has problems"), second);
        assertTrue(second.contains("detail.startMonthYear: \"2021-13-01\" is not a date"), second);
        assertEquals("2021-04-01", position().at("/detail/startMonthYear").asText());
    }

    @Test
    void emptyOrUnchangedFilesSendNothing() throws Exception {
        JsonNode before = position().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) before).remove("@odata.context");
        Cli.Result unchanged = new Cli(dir).env("EDITOR", editor("noop", "true").toString()).run("edit", "--user", ADELE, "--id", ID);
        assertEquals(0, unchanged.code(), unchanged::toString);
        assertTrue(unchanged.err().contains("edit cancelled: nothing was sent"), unchanged::toString);
        Cli.Result emptied = new Cli(dir).env("EDITOR", editor("empty", ": > \"$1\"").toString()).run("edit", "--user", ADELE, "--id", ID);
        assertTrue(emptied.err().contains("edit cancelled"), emptied::toString);
        JsonNode after = position();
        ((com.fasterxml.jackson.databind.node.ObjectNode) after).remove("@odata.context");
        assertEquals(before, after, "no write: lastModifiedDateTime and all fields unchanged");
        Cli.Result noEditor = new Cli(dir).run("edit", "--user", ADELE, "--id", ID);
        assertEquals(2, noEditor.code());
        Cli.Result failing = new Cli(dir).env("EDITOR", editor("fail", "exit 3").toString()).run("edit", "--user", ADELE, "--id", ID);
        assertEquals(2, failing.code(), failing::toString);
        assertTrue(failing.err().contains("exited with 3"), failing::toString);
    }
}
