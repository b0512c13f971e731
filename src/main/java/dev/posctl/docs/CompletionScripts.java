package dev.posctl.docs;

import dev.posctl.schema.Kind;
import dev.posctl.schema.Property;
import dev.posctl.schema.Schema;
import dev.posctl.schema.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The bash and zsh completion scripts: picocli's generated bash completion for commands, options
 * and enum values, and a wrapper in front of it for what picocli cannot know (ids, files, values
 * after {@code --set PATH=}).
 */
public final class CompletionScripts {
    private CompletionScripts() {}

    public static String bash(CommandLine root) {
        String picocli = helpNamesCommands(AutoComplete.bash("posctl", root), root);
        // the wrapper below registers itself instead; keep picocli's line from competing with it
        picocli = picocli.replace("complete -F _complete_posctl -o default posctl posctl.sh posctl.bash",
            "# (registered below through _posctl_complete)");
        return picocli + WRAPPER_HEAD + fieldValues(Schema.get()) + WRAPPER_TAIL;
    }

    public static String zsh(CommandLine root) {
        return "#compdef posctl\n"
            + "# posctl completion for zsh: the bash completion through bashcompinit.\n"
            + "# Put this file in a directory of $fpath as _posctl, or in .zshrc: source <(posctl completion zsh)\n"
            + "autoload -U +X bashcompinit && bashcompinit\n\n"
            + bash(root)
            + "\n# autoloaded from $fpath as the function _posctl: also complete the line at hand\n"
            + "if [ -n \"$ZSH_VERSION\" ] && [[ ${zsh_eval_context[-1]} == shfunc ]]; then\n"
            + "  _bash_complete -F _posctl_complete\n"
            + "fi\n";
    }

    /**
     * picocli offers the commands after "help" only for its own help command; posctl's (which
     * follows nested names) gets the same list.
     */
    private static String helpNamesCommands(String script, CommandLine root) {
        String names = String.join(" ", ManPage.visibleSubcommands(root.getCommandSpec()).stream().map(s -> s.name()).toList());
        String head = "function _picocli_posctl_help() {\n  # Get completion data\n  local curr_word=${COMP_WORDS[COMP_CWORD]}\n\n";
        return script.replace(head + "  local commands=\"\"", head + "  local commands=\"" + names + "\"");
    }

    /** A bash function mapping each enum or boolean field path to its values. */
    static String fieldValues(Schema schema) {
        Map<String, List<String>> byPath = new LinkedHashMap<>();
        for (String path : schema.paths()) {
            Property p = schema.resolve(path);
            Type t = p.type().kind() == Kind.COLLECTION ? p.type().element() : p.type();
            if (t.isEnum()) {
                byPath.put(path, t.members());
            } else if (t.kind() == Kind.BOOLEAN) {
                byPath.put(path, List.of("true", "false"));
            }
        }
        StringBuilder sb = new StringBuilder("function _posctl_field_values() {\n  case $1 in\n");
        byPath.forEach((path, values) -> sb.append("    ").append(path).append(") echo \"")
            .append(String.join(" ", values)).append("\" ;;\n"));
        return sb.append("  esac\n}\n").toString();
    }

    private static final String WRAPPER_HEAD = "\n"
        + "# posctl: values picocli's completion cannot know. User and position ids come from\n"
        + "# `posctl __complete`, which answers from the cache of ids seen in earlier results.\n";

    private static final String WRAPPER_TAIL = "\n"
        + "function _posctl_complete() {\n"
        + "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
        + "  local opt=\"\" path=\"\" typed=\"\"\n"
        + "  # bash splits --set PATH=VALUE at '=': put it back together\n"
        + "  if [[ $cur == \"=\" ]]; then\n"
        + "    opt=${COMP_WORDS[COMP_CWORD-2]}; path=$prev\n"
        + "  elif [[ $prev == \"=\" && $COMP_CWORD -ge 3 ]]; then\n"
        + "    opt=${COMP_WORDS[COMP_CWORD-3]}; path=${COMP_WORDS[COMP_CWORD-2]}; typed=$cur\n"
        + "  fi\n"
        + "  if [[ $opt == \"--set\" && -n $path ]]; then\n"
        + "    COMPREPLY=( $(compgen -W \"$(_posctl_field_values \"$path\")\" -- \"$typed\") )\n"
        + "    return 0\n"
        + "  fi\n"
        + "  case $prev in\n"
        + "    -f|--file)\n"
        + "      type compopt &>/dev/null && compopt -o filenames\n"
        + "      COMPREPLY=( $(compgen -f -- \"$cur\") )\n"
        + "      return 0\n"
        + "      ;;\n"
        + "    -u|--user|--id)\n"
        + "      local IFS=$'\\n'\n"
        + "      COMPREPLY=( $(posctl __complete --line \"${COMP_LINE:0:COMP_POINT}\" 2>/dev/null) )\n"
        + "      return 0\n"
        + "      ;;\n"
        + "  esac\n"
        + "  _complete_posctl \"$@\"\n"
        + "}\n\n"
        + "complete -F _posctl_complete -o default posctl\n";
}
