package dev.posctl.docs;

import dev.posctl.complete.CommandModel;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Everything generated from the command model, by path under the repository: completion scripts
 * and man pages, from a tree built in an empty environment (so a POSCTL_OUTPUT in the builder's
 * shell never leaks into a committed file).
 */
public final class GeneratedDocs {
    private GeneratedDocs() {}

    public static Map<String, String> all(CommandLine tree) {
        Map<String, String> out = new LinkedHashMap<>();
        CommandModel model = ModelExport.of(tree.getCommandSpec());
        out.put("completions/posctl.bash", CompletionScripts.bash(model));
        out.put("completions/_posctl", CompletionScripts.zsh(model));
        out.put("completions/posctl.fish", FishScript.of(model));
        ManPages.of(tree.getCommandSpec()).forEach((name, text) -> out.put("man/man1/" + name, text));
        return out;
    }
}
