package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output formats are a command's own: help lists those, defaults fall back, an explicit -o is checked. */
class OutputFormatsTest {
    @TempDir
    Path dir;

    @Test
    void anExplicitFormatTheCommandCannotRenderIsAUsageError() {
        var r = new Cli(dir).run("list", "--user", "adele@contoso.com", "-o", "github");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--output github is not available for posctl list; choose one of: table, json, yaml, ndjson"),
            r.toString());
    }

    @Test
    void aDefaultFromTheEnvironmentFallsBackToTheCommandsOwn() {
        var r = new Cli(dir).env("POSCTL_OUTPUT", "github").run("list", "--user", "adele@contoso.com", "-q");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("["), "json, the command's own default off a terminal: " + r);

        var verbose = new Cli(dir).env("POSCTL_OUTPUT", "github").run("list", "--user", "adele@contoso.com", "-v");
        assertTrue(verbose.err().contains("the default output github (POSCTL_OUTPUT or the profile) is not available for posctl list; using json"),
            verbose.toString());
    }

    @Test
    void aProfileDefaultFallsBackToo() {
        Cli cli = new Cli(dir);
        assertEquals(0, cli.run("config", "set", "output", "table").code());
        var view = cli.run("config", "view");
        assertEquals(0, view.code(), view.toString());
        assertTrue(view.out().contains("output: table"), view.toString());
        var schema = cli.run("schema", "detail.jobTitle");
        assertEquals(0, schema.code(), schema.toString());
    }

    @Test
    void helpListsOnlyTheFormatsACommandAccepts() {
        Cli cli = new Cli(dir);
        String list = oneLine(cli.run("list", "--help").out());
        assertTrue(list.contains("Output format: table, json, yaml, ndjson (default: table on a terminal, json otherwise"), list);
        assertFalse(list.contains("github"), list);
        String schema = oneLine(cli.run("help", "schema").out());
        assertTrue(schema.contains("Output format: text, json, yaml (default: text on a terminal"), schema);
        String validate = oneLine(cli.run("validate", "--help").out());
        assertTrue(validate.contains("Output format: text, json, ndjson, yaml, github"), validate);
        var completion = cli.run("__complete", "--line", "posctl schema -o ");
        assertEquals("text\njson\nyaml\n", completion.out(), completion.toString());
    }

    /** Help wraps at the terminal's width. */
    private static String oneLine(String help) {
        return help.replaceAll("\\s+", " ");
    }
}
