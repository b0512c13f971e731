package dev.posctl.docs;

import dev.posctl.complete.CommandModel;

/** The bash and zsh completion scripts: one script from the command model, zsh running it through bashcompinit. */
public final class CompletionScripts {
    private CompletionScripts() {}

    public static String bash(CommandModel root) {
        return BashScript.of(root);
    }

    public static String zsh(CommandModel root) {
        return "#compdef posctl\n"
            + "# posctl completion for zsh: the bash completion through bashcompinit.\n"
            + "# Put this file in a directory of $fpath as _posctl, or in .zshrc: source <(posctl completion zsh)\n"
            + "autoload -U +X bashcompinit && bashcompinit\n\n"
            + bash(root)
            + "\n# autoloaded from $fpath as the function _posctl: also complete the line at hand\n"
            + "if [ -n \"$ZSH_VERSION\" ] && [[ ${zsh_eval_context[-1]} == (shfunc|loadautofunc) ]]; then\n"
            + "  _bash_complete -F _posctl_complete\n"
            + "fi\n";
    }
}
