package dev.posctl.docs;

import dev.posctl.cli.CommandLineFactory;
import dev.posctl.core.Environment;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Everything generated from the command model, by path under the repository: completion scripts
 * and man pages. Built from an empty environment, so a POSCTL_OUTPUT in the builder's shell never
 * leaks into a committed file.
 */
public final class GeneratedDocs {
    private GeneratedDocs() {}

    public static CommandLine neutralTree() {
        Environment env = new Environment(Map.of(), InputStream.nullInputStream(), false, false, false, Path.of("/"),
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        return CommandLineFactory.create(env, sink, sink);
    }

    public static Map<String, String> all() {
        CommandLine tree = neutralTree();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("completions/posctl.bash", CompletionScripts.bash(tree));
        out.put("completions/_posctl", CompletionScripts.zsh(tree));
        out.put("completions/posctl.fish", FishScript.of(ModelExport.of(tree.getCommandSpec())));
        ManPages.of(tree.getCommandSpec()).forEach((name, text) -> out.put("man/" + name, text));
        return out;
    }
}
