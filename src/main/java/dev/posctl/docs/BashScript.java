package dev.posctl.docs;

import dev.posctl.complete.CommandModel;
import dev.posctl.complete.CommandModel.Opt;
import dev.posctl.complete.CommandModel.ValueKind;
import dev.posctl.schema.Kind;
import dev.posctl.schema.Property;
import dev.posctl.schema.Schema;
import dev.posctl.schema.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bash completion script (zsh runs it through bashcompinit), generated from the same command
 * model and schema as fish's and as the Completer behind the shell's Tab and {@code __complete}, and
 * walking the line the way the Completer does. Everything static is answered by the script itself,
 * so Tab starts no JVM; only user and position ids come from {@code posctl __complete}.
 */
public final class BashScript {
    private final StringBuilder sb = new StringBuilder();
    private final Map<String, CommandModel> byPath = new LinkedHashMap<>();
    private final List<String> rootNames;

    private BashScript(CommandModel root) {
        rootNames = root.subcommands().stream().map(CommandModel::name).toList();
        collect(root, "");
    }

    public static String of(CommandModel root) {
        BashScript b = new BashScript(root);
        b.sb.append(HEAD);
        b.subcommands();
        b.options();
        b.optionValues();
        b.positionals();
        b.fields(Schema.get());
        b.sb.append(BODY);
        return b.sb.toString();
    }

    private void collect(CommandModel cmd, String path) {
        byPath.put(path, cmd);
        for (CommandModel sub : cmd.subcommands()) {
            collect(sub, path.isEmpty() ? sub.name() : path + " " + sub.name());
        }
    }

    private void subcommands() {
        sb.append("# the subcommands of a command: $1 the command's path (words after posctl)\n"
            + "function _posctl_subcommands() {\n  case $1 in\n");
        byPath.forEach((path, cmd) -> {
            if (!cmd.subcommands().isEmpty()) {
                sb.append("    ").append(quote(path)).append(") v=")
                    .append(quote(String.join(" ", cmd.subcommands().stream().map(CommandModel::name).toList()))).append(" ;;\n");
            }
        });
        sb.append("    *) v='' ;;\n  esac\n}\n\n");
    }

    private void options() {
        sb.append("# the option names of a command, in the order the Completer offers them\n"
            + "function _posctl_options() {\n  case $1 in\n");
        Map<String, List<String>> byNames = new LinkedHashMap<>();
        byPath.forEach((path, cmd) -> {
            List<String> names = new ArrayList<>();
            cmd.options().forEach(o -> names.addAll(o.names()));
            byNames.computeIfAbsent(String.join(" ", names), k -> new ArrayList<>()).add(quote(path));
        });
        byNames.forEach((names, paths) -> sb.append("    ").append(patterns(paths)).append(")\n      v=")
            .append(quote(names)).append(" ;;\n"));
        sb.append("    *) v='' ;;\n  esac\n}\n\n");
    }

    /** k: what the option's value is (NONE: it takes none; empty: no such option), v: its fixed candidates. */
    private void optionValues() {
        sb.append("# what the value of option $2 of command $1 is: k the kind (NONE: no value, empty: no such\n"
            + "# option), v the fixed candidates\n"
            + "function _posctl_option() {\n  case \"$1|$2\" in\n");
        Map<String, List<String>> byValue = new LinkedHashMap<>();
        byPath.forEach((path, cmd) -> {
            for (Opt o : cmd.options()) {
                String value = "k=" + (o.takesValue() ? o.kind().name() : "NONE")
                    + (o.kind() == ValueKind.ENUM ? " v=" + quote(String.join(" ", o.candidates())) : " v=''");
                for (String n : o.names()) {
                    byValue.computeIfAbsent(value, x -> new ArrayList<>()).add(quote(path + "|" + n));
                }
            }
        });
        byValue.forEach((value, keys) -> sb.append("    ").append(patterns(keys)).append(")\n      ")
            .append(value).append(" ;;\n"));
        sb.append("    *) k='' v='' ;;\n  esac\n}\n\n");
    }

    private void positionals() {
        sb.append("# what the positional parameter of a command is: k the kind, v the fixed candidates\n"
            + "function _posctl_positional() {\n  case $1 in\n");
        byPath.forEach((path, cmd) -> {
            if (cmd.positional() != ValueKind.NONE) {
                List<String> values = cmd.positional() == ValueKind.COMMAND ? rootNames
                    : cmd.positional() == ValueKind.FIELD_PATH ? List.of() : cmd.positionalCandidates();
                sb.append("    ").append(quote(path)).append(") k=").append(cmd.positional().name()).append(" v=")
                    .append(quote(String.join(" ", values))).append(" ;;\n");
            }
        });
        sb.append("    *) k=NONE v='' ;;\n  esac\n}\n\n");
    }

    /** Every field path, O: for an object (completed one segment at a time), L: for anything else. */
    static List<String> fieldEntries(Schema schema) {
        List<String> entries = new ArrayList<>();
        for (String path : schema.paths()) {
            entries.add((Schema.objectOf(schema.resolve(path).type()) != null ? "O:" : "L:") + path);
        }
        return entries;
    }

    /** Each enum or boolean field path with its values. */
    static Map<String, List<String>> fieldValues(Schema schema) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String path : schema.paths()) {
            Property p = schema.resolve(path);
            Type t = p.type().kind() == Kind.COLLECTION ? p.type().element() : p.type();
            List<String> values = t.isEnum() ? t.members() : t.kind() == Kind.BOOLEAN ? List.of("true", "false") : List.of();
            if (!values.isEmpty()) {
                out.put(path, values);
            }
        }
        return out;
    }

    private void fields(Schema schema) {
        sb.append("# every field path: O: an object, L: anything else\nfunction _posctl_field_paths() {\n  v=")
            .append(quote(String.join(" ", fieldEntries(schema)))).append("\n}\n\n");
        sb.append("# the values of an enum or boolean field\nfunction _posctl_field_values() {\n  case $1 in\n");
        fieldValues(schema).forEach((path, values) -> sb.append("    ").append(quote(path)).append(") v=")
            .append(quote(String.join(" ", values))).append(" ;;\n"));
        sb.append("    *) v='' ;;\n  esac\n}\n\n");
    }

    /** Case patterns joined with '|', continued on the next line where the line grows long. */
    private static String patterns(List<String> patterns) {
        StringBuilder out = new StringBuilder();
        int width = 4;
        for (String p : patterns) {
            if (out.length() > 0) {
                if (width + p.length() > 96) {
                    out.append("|\\\n    ");
                    width = 4;
                } else {
                    out.append('|');
                    width++;
                }
            }
            out.append(p);
            width += p.length();
        }
        return out.toString();
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static final String HEAD = """
        # posctl completion for bash, generated from the command model: do not edit.
        # Install: source <(posctl completion bash), or save it as
        # ~/.local/share/bash-completion/completions/posctl
        # Commands, options, enum values, field paths and files are answered here; user and position ids
        # by `posctl __complete`, from the cache of ids seen in earlier results.

        """;

    private static final String BODY = """
        # field paths one segment at a time: $1 typed, $2 1 after --set (leaves end in '=', values follow
        # PATH=), $3 what goes in front of each candidate
        function _posctl_fields() {
          local typed=$1 head=$3 p kind path rest next seen=' ' prior last m
          if [[ $2 == 1 && $typed == *=* ]]; then
            path=${typed%%=*} rest=${typed#*=} prior='' last=${typed#*=}
            if [[ $rest == *,* ]]; then
              prior=${rest%,*}, last=${rest##*,}
            fi
            _posctl_field_values "$path"
            for m in $v; do
              [[ $m == "$last"* ]] && COMPREPLY+=("$head$path=$prior$m")
            done
            return 0
          fi
          _posctl_field_paths
          for p in $v; do
            kind=${p%%:*} path=${p#*:}
            [[ $path == "$typed"* ]] || continue
            rest=${path:${#typed}}
            if [[ $rest == *.* ]]; then
              next=$typed${rest%%.*}.
            elif [[ $kind == O && $path != "$typed" ]]; then
              next=$path.
            else
              next=$path
            fi
            [[ $seen == *" $next "* ]] && continue
            seen+="$next "
            if [[ $next != *. && $2 == 1 ]]; then
              next+='='
            fi
            COMPREPLY+=("$head$next")
          done
        }

        # the values of kind $1 (fixed candidates $2) for the typed $3, each after $4
        function _posctl_values() {
          local w
          case $1 in
            FIELD_PATH) _posctl_fields "$3" 0 "$4" ;;
            ASSIGNMENT) _posctl_fields "$3" 1 "$4" ;;
            FILE)
              type compopt &>/dev/null && compopt -o filenames 2>/dev/null
              while IFS= read -r w; do
                COMPREPLY+=("$4$w")
              done < <(compgen -f -- "$3")
              ;;
            USER|POSITION)
              # the line goes on stdin, so a token typed on it never shows in a process's arguments;
              # the answer one per line, read as it is: never globbed or split
              while IFS= read -r w; do
                [[ -n $w ]] && COMPREPLY+=("$w")
              done < <(printf '%s\\n' "${COMP_LINE:0:$COMP_POINT}" | posctl __complete 2>/dev/null)
              ;;
            *)
              for w in $2; do
                [[ $w == "$3"* ]] && COMPREPLY+=("$4$w")
              done
              ;;
          esac
        }

        function _posctl_complete() {
          local -a line=()
          local i w cmd='' pending='' fixed='' cur k v breaks=''
          COMPREPLY=()
          # bash splits PATH=VALUE, --option=VALUE and user@domain at the characters of COMP_WORDBREAKS
          # (zsh does not): put such words back together
          if [[ -n ${BASH_VERSION-} ]]; then
            for w in = @ :; do
              [[ $COMP_WORDBREAKS == *"$w"* ]] && breaks+=$w
            done
          fi
          for (( i = 1; i <= COMP_CWORD; i++ )); do
            w=${COMP_WORDS[i]}
            if [[ -n $breaks ]] && (( ${#line[@]} > 0 && i > 1 )) \
              && [[ $w == [$breaks] || ${COMP_WORDS[i-1]} == [$breaks] ]]; then
              line[${#line[@]}-1]+=$w
            else
              line+=("$w")
            fi
          done
          (( ${#line[@]} > 0 )) || line=('')
          cur=${line[${#line[@]}-1]}
          for w in "${line[@]:0:${#line[@]}-1}"; do
            if [[ -n $pending ]]; then
              pending=''
              continue
            fi
            [[ $w == --*=* ]] && continue
            _posctl_option "$cmd" "$w"
            if [[ -n $k ]]; then
              [[ $k != NONE ]] && pending=$k fixed=$v
              continue
            fi
            _posctl_subcommands "$cmd"
            [[ " $v " == *" $w "* ]] && cmd=${cmd:+$cmd }$w
          done
          if [[ -n $pending ]]; then
            _posctl_values "$pending" "$fixed" "$cur" ''
          elif [[ $cur == --?*=* ]]; then
            _posctl_option "$cmd" "${cur%%=*}"
            [[ -n $k && $k != NONE ]] && _posctl_values "$k" "$v" "${cur#*=}" "${cur%%=*}="
          elif [[ $cur == -* ]]; then
            _posctl_options "$cmd"
            for w in $v; do
              [[ $w == "$cur"* ]] && [[ $w == --* || ${#cur} -lt 2 ]] && COMPREPLY+=("$w")
            done
          else
            _posctl_subcommands "$cmd"
            for w in $v; do
              [[ $w == "$cur"* ]] && COMPREPLY+=("$w")
            done
            _posctl_positional "$cmd"
            [[ $k != NONE ]] && _posctl_values "$k" "$v" "$cur" ''
          fi
          # a path or an option's value goes on being typed: no space after it
          if [[ " ${COMPREPLY[*]} " == *[.=]" "* ]] && type compopt &>/dev/null; then
            compopt -o nospace 2>/dev/null
          fi
          # bash replaces only what follows the word's last break character: offer just that part
          if [[ -n $breaks && $cur == *[$breaks]* ]]; then
            w=${cur%"${cur##*[$breaks]}"}
            COMPREPLY=( "${COMPREPLY[@]#"$w"}" )
          fi
          return 0
        }

        complete -F _posctl_complete posctl
        """;
}
