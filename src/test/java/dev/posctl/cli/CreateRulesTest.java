package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** create refuses what it would get wrong: documents meant for update, a company without its name. */
class CreateRulesTest {
    static final String ADELE = "adele@contoso.com";

    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir).env("POSCTL_SANDBOX_DATA", dir.resolve("sandbox.json").toString());
    }

    int positions() throws Exception {
        return new ObjectMapper().readTree(cli().run("list", "--user", ADELE, "-o", "json", "-q").out()).size();
    }

    @Test
    void documentsWithAnIdAreRefusedUnlessIgnoreIds() throws Exception {
        int before = positions();
        Files.writeString(dir.resolve("e.yaml"), "userId: " + ADELE + "\ndetail:\n  jobTitle: New\n---\nuserId: " + ADELE
            + "\nid: 7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d\ndetail:\n  jobTitle: Renamed\n");
        var r = cli().run("create", "-f", "e.yaml");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains("e.yaml:5:1: error: id: create makes new positions; to change position "
            + "7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d use update"), r.toString());
        assertEquals(before, positions(), "nothing created");

        var ignoring = cli().run("create", "-f", "e.yaml", "--ignore-ids", "-o", "json", "-q");
        assertEquals(0, ignoring.code(), ignoring.toString());
        assertEquals(before + 2, positions());
    }

    @Test
    void aCompanyWithoutDisplayNameIsRefusedOffline() throws Exception {
        int before = positions();
        var r = cli().run("create", "--user", ADELE, "--job-title", "PM", "--department", "Product");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains("detail.company.displayName: a new position's company needs a displayName"), r.toString());
        assertEquals(before, positions());
        var named = cli().run("create", "--user", ADELE, "--job-title", "PM", "--department", "Product", "--company", "Contoso", "-q");
        assertEquals(0, named.code(), named.toString());
    }
}
