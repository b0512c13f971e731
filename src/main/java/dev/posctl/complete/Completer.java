package dev.posctl.complete;

import dev.posctl.complete.CommandModel.Opt;
import dev.posctl.complete.CommandModel.ValueKind;
import dev.posctl.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Completes a command line from the command model, the schema and the dynamic values: the one
 * engine behind the shell's Tab and {@code posctl __complete}.
 */
public final class Completer {
    /**
     * Ids come from server answers, and bash puts a candidate on the command line as it is: one
     * holding a quote, '$', '`', a space or a control character would run or break the user's
     * command, so only ids of plain characters are offered.
     */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._@+=:/-]{1,256}");

    private final CommandModel root;
    private final FieldPaths paths;
    private final DynamicValues dynamic;

    public Completer(CommandModel root, Schema schema, DynamicValues dynamic) {
        this.root = root;
        this.paths = new FieldPaths(schema);
        this.dynamic = dynamic;
    }

    /**
     * @param words   the words before the one being completed, without the program name
     * @param current the word under the cursor, up to the cursor
     */
    public List<Candidate> complete(List<String> words, String current) {
        CommandModel cmd = root;
        String user = null;
        Opt pending = null;
        for (String w : words) {
            if (pending != null) {
                user = isUser(pending) ? w : user;
                pending = null;
                continue;
            }
            int eq = w.indexOf('=');
            if (w.startsWith("--") && eq > 0) {
                Opt o = cmd.option(w.substring(0, eq));
                if (o != null && isUser(o)) {
                    user = w.substring(eq + 1);
                }
                continue;
            }
            Opt o = cmd.option(w);
            if (o != null) {
                pending = o.takesValue() ? o : null;
                continue;
            }
            CommandModel sub = cmd.subcommand(w);
            if (sub != null) {
                cmd = sub;
            }
        }
        if (pending != null) {
            return values(pending.kind(), pending.candidates(), current, user, "");
        }
        if (current.startsWith("--") && current.indexOf('=') > 0) {
            int eq = current.indexOf('=');
            Opt o = cmd.option(current.substring(0, eq));
            return o == null || !o.takesValue() ? List.of()
                : values(o.kind(), o.candidates(), current.substring(eq + 1), user, current.substring(0, eq + 1));
        }
        if (current.startsWith("-")) {
            return options(cmd, current);
        }
        List<Candidate> out = new ArrayList<>();
        for (CommandModel sub : cmd.subcommands()) {
            if (sub.name().startsWith(current)) {
                out.add(new Candidate(sub.name(), sub.description(), true));
            }
        }
        if (cmd.positional() != ValueKind.NONE) {
            List<String> names = cmd.positional() == ValueKind.COMMAND
                ? root.subcommands().stream().map(CommandModel::name).toList() : cmd.positionalCandidates();
            out.addAll(values(cmd.positional(), names, current, user, ""));
        }
        return out;
    }

    private static boolean isUser(Opt o) {
        return o.kind() == ValueKind.USER;
    }

    private static List<Candidate> options(CommandModel cmd, String current) {
        List<Candidate> out = new ArrayList<>();
        for (Opt o : cmd.options()) {
            for (String n : o.names()) {
                if (n.startsWith(current) && (n.startsWith("--") || current.length() < 2)) {
                    out.add(new Candidate(n, o.description(), true));
                }
            }
        }
        return out;
    }

    private List<Candidate> values(ValueKind kind, List<String> fixed, String typed, String user, String head) {
        List<String> words;
        switch (kind) {
            case FIELD_PATH:
            case ASSIGNMENT:
                return paths.complete(typed, kind == ValueKind.ASSIGNMENT).stream()
                    .map(c -> new Candidate(head + c.value(), c.description(), c.complete())).toList();
            case FILE:
                return dynamic.files(typed).stream()
                    .map(f -> new Candidate(head + f, null, !f.endsWith("/"))).toList();
            case USER:
                words = plain(dynamic.users());
                break;
            case POSITION:
                words = user == null ? List.of() : plain(dynamic.positions(user));
                break;
            default:
                words = fixed;
        }
        List<Candidate> out = new ArrayList<>();
        for (String w : words) {
            if (w.startsWith(typed)) {
                out.add(Candidate.of(head + w));
            }
        }
        return out;
    }

    private static List<String> plain(List<String> ids) {
        return ids.stream().filter(id -> PLAIN_ID.matcher(id).matches()).toList();
    }
}
