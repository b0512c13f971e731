package dev.posctl.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.posctl.cli.CommandLineFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed completion scripts and man pages are exactly what the command model generates. */
class GeneratedDocsTest {
    static final String REGENERATE = "mvn -B -q test -Dtest=GeneratedDocsTest -Dposctl.regenerate=true";
    static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void committedFilesMatchTheCommandModel() throws IOException {
        Map<String, String> generated = GeneratedDocs.all(CommandLineFactory.neutral());
        if (Boolean.getBoolean("posctl.regenerate")) {
            for (String dir : List.of("completions", "man/man1")) {
                if (Files.isDirectory(ROOT.resolve(dir))) {
                    try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
                        for (Path p : s.toList()) {
                            Files.delete(p);
                        }
                    }
                }
            }
            dev.posctl.cli.GenerateDocs.write(ROOT);
        }
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path file = ROOT.resolve(e.getKey());
            if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
                stale.add(e.getKey());
            }
        }
        for (String dir : List.of("completions", "man/man1")) {
            try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
                s.map(p -> dir + "/" + p.getFileName()).filter(k -> !generated.containsKey(k)).forEach(k -> stale.add(k + " (no longer generated)"));
            }
        }
        if (!stale.isEmpty()) {
            fail("stale generated files " + stale + "; regenerate them with: " + REGENERATE);
        }
    }

    @Test
    void everyVisibleCommandHasAPageWithTheRequiredSections() {
        Map<String, String> all = GeneratedDocs.all(CommandLineFactory.neutral());
        assertTrue(all.containsKey("man/man1/posctl-update.1"));
        assertTrue(all.containsKey("man/man1/posctl-sandbox-serve.1"));
        assertTrue(all.keySet().stream().noneMatch(k -> k.contains("__complete") || k.contains("posctl-help")), all.keySet().toString());
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (e.getKey().startsWith("man/")) {
                for (String section : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT CODES", "ENVIRONMENT", "FILES",
                    "EXAMPLES")) {
                    assertTrue(e.getValue().contains(".SH \"" + section + "\"\n"), e.getKey() + " lacks " + section);
                }
            }
        }
    }

    @Test
    void theCompletionCommandPrintsTheCommittedScripts() throws IOException {
        var cli = new dev.posctl.cli.Cli(ROOT).env("POSCTL_OUTPUT", "yaml");
        for (String[] shell : new String[][] {{"bash", "posctl.bash"}, {"zsh", "_posctl"}, {"fish", "posctl.fish"}}) {
            var r = cli.run("completion", shell[0]);
            assertEquals(0, r.code(), r.toString());
            assertEquals(GeneratedDocs.all(CommandLineFactory.neutral()).get("completions/" + shell[1]), r.out(), shell[0]);
        }
    }
}
