package dev.posctl.docs;

import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Option descriptions with picocli's help variables filled in, for pages and scripts that are not help. */
final class Descriptions {
    private Descriptions() {}

    static String of(ArgSpec arg) {
        String text = String.join(" ", arg.description());
        List<String> candidates = ModelExport.candidates(arg.completionCandidates());
        String def = arg.defaultValue();
        if (def == null && arg instanceof OptionSpec && arg.initialValue() != null && !(arg.initialValue() instanceof Boolean)
            && !(arg.initialValue() instanceof java.util.Collection)) {
            def = String.valueOf(arg.initialValue());
        }
        return text.replace("${COMPLETION-CANDIDATES}", String.join(", ", candidates))
            .replace("${DEFAULT-VALUE}", def == null ? "none" : def);
    }
}
