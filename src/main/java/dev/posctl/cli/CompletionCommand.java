package dev.posctl.cli;

import dev.posctl.complete.CommandModel;
import dev.posctl.docs.CompletionScripts;
import dev.posctl.docs.FishScript;
import dev.posctl.docs.ModelExport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

// "$$" keeps picocli from reading zsh's ${fpath[1]} as one of its own variables (it printed "null")
@Command(name = "completion", sortOptions = false,
    description = {"Print the shell completion script for bash, zsh or fish.",
        // one line per shell, so help never wraps a command in the middle
        "bash: source <(posctl completion bash)",
        "zsh:  posctl completion zsh > \"$${fpath[1]}/_posctl\"",
        "fish: posctl completion fish > ~/.config/fish/completions/posctl.fish"})
public final class CompletionCommand implements Callable<Integer> {
    /** The shells there are scripts for. */
    public enum Shell { bash, zsh, fish }

    @Parameters(paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        // the scripts are generated from a tree without this process's variables, exactly as committed
        CommandModel model = ModelExport.of(CommandLineFactory.neutral().getCommandSpec());
        String text;
        switch (shell) {
            case bash: text = CompletionScripts.bash(model); break;
            case zsh: text = CompletionScripts.zsh(model); break;
            default: text = FishScript.of(model);
        }
        common.out().print(text);
        common.out().flush();
        return 0;
    }
}
