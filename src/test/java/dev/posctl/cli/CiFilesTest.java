package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * action.yml, .pre-commit-hooks.yaml and the workflows of the README's "posctl in CI" section parse,
 * and every posctl command they run names options (and -o formats) the command tree has.
 */
class CiFilesTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern POSCTL = Pattern.compile("(?:^|[\\s;(&|])(?:exec )?posctl ([a-z]+)([^\\n|;&>]*)");
    static final Pattern INPUT_REF = Pattern.compile("inputs\\.([a-z-]+)");

    @TempDir
    Path dir;

    @Test
    void theActionDeclaresWhatItUsesAndRunsOnlyRealOptions() throws Exception {
        JsonNode action = YAML.readTree(ROOT.resolve("action.yml").toFile());
        assertEquals("composite", action.at("/runs/using").asText());
        JsonNode inputs = action.get("inputs");
        assertTrue(inputs.get("version").get("required").asBoolean());
        inputs.fields().forEachRemaining(e -> assertFalse(e.getValue().path("description").asText().isBlank(), e.getKey()));
        action.get("outputs").fields().forEachRemaining(e -> assertFalse(e.getValue().path("description").asText().isBlank(), e.getKey()));
        String text = Files.readString(ROOT.resolve("action.yml"));
        Matcher m = INPUT_REF.matcher(text);
        while (m.find()) {
            assertTrue(inputs.has(m.group(1)), "action.yml uses an undeclared input: " + m.group(1));
        }
        List<String> runs = new ArrayList<>();
        for (JsonNode step : action.at("/runs/steps")) {
            if (step.has("run")) {
                assertEquals("bash", step.path("shell").asText(), "a composite step names its shell");
                assertFalse(step.get("run").asText().contains("${{"), "inputs reach scripts through env, never pasted in: " + step);
                runs.add(step.get("run").asText());
            }
        }
        assertTrue(text.contains("sha256sum -c"), "the archive is checked against the release's checksums");
        List<String> commands = checkCommands(String.join("\n", runs));
        assertTrue(commands.contains("validate"), commands.toString());
    }

    @Test
    void theReadmeWorkflowsUseTheActionsInputsAndRealOptions() throws Exception {
        JsonNode inputs = YAML.readTree(ROOT.resolve("action.yml").toFile()).get("inputs");
        List<JsonNode> blocks = readmeYamlBlocks();
        assertEquals(2, blocks.size(), "the workflow and the pre-commit configuration");
        JsonNode workflow = blocks.get(0);
        List<String> runs = new ArrayList<>();
        boolean usesAction = false;
        for (Iterator<JsonNode> jobs = workflow.get("jobs").elements(); jobs.hasNext(); ) {
            for (JsonNode step : jobs.next().get("steps")) {
                if (step.path("uses").asText().startsWith("posctl/posctl@")) {
                    usesAction = true;
                    step.get("with").fieldNames().forEachRemaining(k -> assertTrue(inputs.has(k), "no such input of the action: " + k));
                    inputs.fields().forEachRemaining(e -> {
                        if (e.getValue().path("required").asBoolean()) {
                            assertTrue(step.get("with").has(e.getKey()), "the required input " + e.getKey());
                        }
                    });
                }
                if (step.has("run")) {
                    runs.add(step.get("run").asText());
                }
            }
        }
        assertTrue(usesAction);
        List<String> commands = checkCommands(String.join("\n", runs));
        assertTrue(commands.containsAll(List.of("diff", "update")), commands.toString());

        JsonNode hooks = blocks.get(1).at("/repos/0/hooks");
        JsonNode declared = YAML.readTree(ROOT.resolve(".pre-commit-hooks.yaml").toFile());
        for (JsonNode hook : hooks) {
            boolean found = false;
            for (JsonNode d : declared) {
                found |= d.get("id").asText().equals(hook.get("id").asText());
            }
            assertTrue(found, "no such hook: " + hook);
        }
    }

    @Test
    void thePreCommitHookRunsRealOptions() throws Exception {
        JsonNode hooks = YAML.readTree(ROOT.resolve(".pre-commit-hooks.yaml").toFile());
        assertEquals("posctl-validate", hooks.get(0).get("id").asText());
        assertEquals("system", hooks.get(0).get("language").asText());
        Pattern files = Pattern.compile(hooks.get(0).get("files").asText());
        assertTrue(files.matcher("positions/a.posctl.yaml").find());
        assertTrue(files.matcher("b.ndjson").find());
        assertFalse(files.matcher("pom.xml").find());
        assertEquals(List.of("validate"), checkCommands(hooks.get(0).get("entry").asText()));
    }

    /** Every {@code posctl SUB ...} in the scripts: SUB exists and each of its options does, with its -o format. */
    List<String> checkCommands(String scripts) {
        List<String> seen = new ArrayList<>();
        Matcher m = POSCTL.matcher(scripts);
        while (m.find()) {
            String sub = m.group(1);
            seen.add(sub);
            CommandLine root = CommandLineFactory.create(new Cli(dir).environment(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), sub);
            Map<String, CommandLine> subs = root.getSubcommands();
            assertTrue(subs.containsKey(sub), "no command posctl " + sub);
            var spec = subs.get(sub).getCommandSpec();
            String[] words = m.group(2).trim().split("\\s+");
            for (int i = 0; i < words.length; i++) {
                String w = words[i];
                if (!w.startsWith("-") || w.equals("--") || w.equals("-")) {
                    continue;
                }
                String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
                OptionSpec option = spec.findOption(name);
                assertTrue(option != null, "posctl " + sub + " has no option " + name + " (in: posctl " + sub + m.group(2) + ")");
                if (name.equals("-o") || name.equals("--output")) {
                    List<String> formats = new ArrayList<>();
                    option.completionCandidates().forEach(formats::add);
                    assertTrue(formats.contains(words[i + 1]), "posctl " + sub + " -o " + words[i + 1] + " is not among " + formats);
                }
            }
        }
        return seen;
    }

    static List<JsonNode> readmeYamlBlocks() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## posctl in CI\n");
        int end = readme.indexOf("\n## ", start + 1);
        assertTrue(start >= 0 && end > start, "the README has its section \"posctl in CI\"");
        String section = readme.substring(start, end);
        List<JsonNode> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            blocks.add(YAML.readTree(m.group(1)));
        }
        return blocks;
    }
}
