package dev.posctl.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** Every man page of the command tree: file name ({@code posctl-update.1}) to roff text. */
public final class ManPages {
    private ManPages() {}

    public static Map<String, String> of(CommandSpec root) {
        Map<String, String> out = new LinkedHashMap<>();
        List<CommandSpec> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            CommandSpec spec = todo.remove(0);
            out.put(ManPage.pageName(spec) + ".1", ManPage.of(spec));
            todo.addAll(ManPage.visibleSubcommands(spec));
        }
        return out;
    }
}
