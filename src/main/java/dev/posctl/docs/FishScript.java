package dev.posctl.docs;

import dev.posctl.complete.CommandModel;
import dev.posctl.complete.CommandModel.Opt;
import dev.posctl.complete.CommandModel.ValueKind;
import dev.posctl.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/** The fish completion script, generated from the same command model and schema as bash's. */
public final class FishScript {
    private final StringBuilder sb = new StringBuilder();
    private final List<String> commandNames;

    private FishScript(CommandModel root) {
        this.commandNames = root.subcommands().stream().map(CommandModel::name).toList();
    }

    public static String of(CommandModel root) {
        FishScript f = new FishScript(root);
        f.sb.append("# posctl completion for fish, generated from the command model: do not edit.\n")
            .append("# Install: posctl completion fish > ~/.config/fish/completions/posctl.fish\n")
            .append("complete -c posctl -f\n")
            .append("# user and position ids: posctl __complete answers from the cache of ids seen in earlier results\n")
            .append("# the line goes on stdin, so a token typed on it never shows in a process's arguments\n"
                + "function __posctl_dynamic\n    commandline -cp | posctl __complete 2>/dev/null\nend\n\n");
        f.fields(Schema.get());
        f.command(root, new ArrayList<>());
        return f.sb.toString();
    }

    private void command(CommandModel cmd, List<String> path) {
        String when = path.isEmpty() ? "__fish_use_subcommand" : "__fish_seen_subcommand_from " + path.get(path.size() - 1);
        List<String> subNames = cmd.subcommands().stream().map(CommandModel::name).toList();
        String subWhen = subNames.isEmpty() || path.isEmpty() ? when
            : when + "; and not __fish_seen_subcommand_from " + String.join(" ", subNames);
        sb.append("\n# ").append(path.isEmpty() ? "posctl" : "posctl " + String.join(" ", path)).append('\n');
        for (CommandModel sub : cmd.subcommands()) {
            sb.append("complete -c posctl -n '").append(subWhen).append("' -a ").append(sub.name())
                .append(" -d ").append(quote(sub.description())).append('\n');
        }
        if (cmd.positional() == ValueKind.FIELD_PATH) {
            sb.append("complete -c posctl -n '").append(when).append("' -a '(__posctl_fields 0)'\n");
        } else if (cmd.positional() == ValueKind.ENUM) {
            sb.append("complete -c posctl -n '").append(when).append("' -a ").append(quote(String.join(" ", cmd.positionalCandidates())))
                .append('\n');
        } else if (cmd.positional() == ValueKind.COMMAND) {
            sb.append("complete -c posctl -n '").append(when).append("' -a ").append(quote(String.join(" ", commandNames)))
                .append('\n');
        }
        for (Opt o : cmd.options()) {
            sb.append("complete -c posctl -n '").append(when).append("'");
            for (String n : o.names()) {
                sb.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
            }
            if (o.takesValue()) {
                sb.append(values(o));
            }
            sb.append(" -d ").append(quote(shorten(o.description()))).append('\n');
        }
        for (CommandModel sub : cmd.subcommands()) {
            List<String> p = new ArrayList<>(path);
            p.add(sub.name());
            command(sub, p);
        }
    }

    private static String values(Opt o) {
        switch (o.kind()) {
            case FILE: return " -r -F";
            case USER:
            case POSITION: return " -x -a '(__posctl_dynamic)'";
            case ENUM: return " -x -a " + quote(String.join(" ", o.candidates()));
            case FIELD_PATH: return " -x -a '(__posctl_fields 0)'";
            case ASSIGNMENT: return " -x -a '(__posctl_fields 1)'";
            default: return " -x";
        }
    }

    private void fields(Schema schema) {
        sb.append("# every field path: O: an object, L: anything else\nfunction __posctl_field_paths\n");
        for (String e : BashScript.fieldEntries(schema)) {
            sb.append("    echo ").append(quote(e)).append('\n');
        }
        sb.append("end\n\n# the values of an enum or boolean field\nfunction __posctl_field_values\n    switch $argv[1]\n");
        BashScript.fieldValues(schema).forEach((path, values) -> sb.append("        case ").append(quote(path))
            .append("\n            printf '%s\\n' ").append(String.join(" ", values.stream().map(FishScript::quote).toList()))
            .append('\n'));
        sb.append("    end\nend\n").append(FIELDS);
    }

    /** Field paths one segment at a time, as the Completer offers them; {@code $argv[1]} is 1 after --set. */
    private static final String FIELDS = """

        function __posctl_fields
            set -l typed (commandline -ct)
            if test "$argv[1]" = 1; and string match -q -- '*=*' "$typed"
                set -l path (string split -m1 -- = "$typed")[1]
                set -l rest (string split -m1 -- = "$typed")[2]
                set -l prior ''
                set -l last "$rest"
                if string match -q -- '*,*' "$rest"
                    set prior (string replace -r -- ',[^,]*$' ',' "$rest")
                    set last (string replace -r -- '^.*,' '' "$rest")
                end
                for m in (__posctl_field_values $path)
                    test (string sub -l (string length -- "$last") -- $m) = "$last"; and echo "$path=$prior$m"
                end
                return
            end
            set -l seen
            set -l n (string length -- "$typed")
            for p in (__posctl_field_paths)
                set -l kind (string sub -l 1 -- $p)
                set -l path (string sub -s 3 -- $p)
                test (string sub -l $n -- $path) = "$typed"; or continue
                set -l rest (string sub -s (math $n + 1) -- $path)
                set -l next $path
                if string match -q -- '*.*' "$rest"
                    set next "$typed"(string split -m1 -- . "$rest")[1].
                else if test $kind = O -a "$path" != "$typed"
                    set next $path.
                end
                contains -- $next $seen; and continue
                set -a seen $next
                if test "$argv[1]" = 1; and not string match -q -- '*.' $next
                    set next $next=
                end
                echo $next
            end
        end
        """;

    private static String shorten(String s) {
        String one = s == null ? "" : s;
        int stop = one.indexOf(". ");
        return stop > 0 ? one.substring(0, stop + 1) : one;
    }

    static String quote(String s) {
        return "'" + (s == null ? "" : s).replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
