package dev.posctl.docs;

import dev.posctl.complete.CommandModel;
import dev.posctl.complete.CommandModel.Opt;
import dev.posctl.complete.CommandModel.ValueKind;
import dev.posctl.schema.Kind;
import dev.posctl.schema.Property;
import dev.posctl.schema.Schema;
import dev.posctl.schema.Type;
import java.util.ArrayList;
import java.util.List;

/** The fish completion script, generated from the same command model as bash's. */
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
            .append("function __posctl_dynamic\n    posctl __complete --line (commandline -cp) 2>/dev/null\nend\n");
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
            case ENUM:
            case FIELD_PATH: return " -x -a " + quote(String.join(" ", o.candidates()));
            case ASSIGNMENT: return " -x -a " + quote(String.join(" ", assignments()));
            default: return " -x";
        }
    }

    /** {@code path=} for every field, and {@code path=member} for enum and boolean fields. */
    static List<String> assignments() {
        Schema schema = Schema.get();
        List<String> out = new ArrayList<>();
        for (String path : schema.paths()) {
            Property p = schema.resolve(path);
            Type t = p.type().kind() == Kind.COLLECTION ? p.type().element() : p.type();
            List<String> members = t.isEnum() ? t.members() : t.kind() == Kind.BOOLEAN ? List.of("true", "false") : List.of();
            if (members.isEmpty()) {
                out.add(path + "=");
            }
            members.forEach(m -> out.add(path + "=" + m));
        }
        return out;
    }

    private static String shorten(String s) {
        String one = s == null ? "" : s;
        int stop = one.indexOf(". ");
        return stop > 0 ? one.substring(0, stop + 1) : one;
    }

    static String quote(String s) {
        return "'" + (s == null ? "" : s).replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
