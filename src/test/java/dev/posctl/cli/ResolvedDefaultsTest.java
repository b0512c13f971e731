package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.config.ConfigKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** config view --resolved shows the value a command would use, built-in defaults included. */
class ResolvedDefaultsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    JsonNode row(Cli cli, String key) throws Exception {
        Cli.Result r = cli.run("config", "view", "--resolved", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        for (JsonNode row : JSON.readTree(r.out())) {
            if (row.get("key").asText().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + ": " + r);
    }

    @Test
    void concurrencyShowsItsDefaultAndEveryOverride() throws Exception {
        JsonNode built = row(new Cli(dir), "concurrency");
        assertEquals("8", built.get("value").asText(), built::toString);
        assertEquals("default", built.get("source").asText());
        JsonNode env = row(new Cli(dir).env("POSCTL_CONCURRENCY", "3"), "concurrency");
        assertEquals("3", env.get("value").asText());
        assertEquals("env POSCTL_CONCURRENCY", env.get("source").asText());
        assertEquals(0, new Cli(dir).run("config", "set", "concurrency", "4").code());
        JsonNode profile = row(new Cli(dir), "concurrency");
        assertEquals("4", profile.get("value").asText());
        assertTrue(profile.get("source").asText().startsWith("profile "), profile::toString);
        assertTrue(row(new Cli(dir), "output").get("source").asText().startsWith("default"));
    }

    @Test
    void everyKeysBuiltInIsTheDefaultItsOptionDeclares() {
        CommandLine tree = CommandLineFactory.create(new Cli(dir).environment(), new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));
        for (String command : List.of("update", "login")) {
            for (OptionSpec o : tree.getSubcommands().get(command).getCommandSpec().options()) {
                ConfigKey key = ConfigKey.byOption(o.longestName()).orElse(null);
                if (key != null && o.defaultValue() != null) {
                    assertNotNull(key.builtIn(), key::key);
                    assertEquals(o.defaultValue(), key.builtIn(), () -> command + " " + o.longestName());
                }
            }
        }
    }
}
