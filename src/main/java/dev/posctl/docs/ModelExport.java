package dev.posctl.docs;

import dev.posctl.complete.CommandModel;
import dev.posctl.complete.CommandModel.Opt;
import dev.posctl.complete.CommandModel.ValueKind;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli model as a {@link CommandModel}, hidden commands and options left out. What an
 * option's value is follows from its name: those names are posctl's stable interface.
 */
public final class ModelExport {
    private ModelExport() {}

    public static CommandModel of(CommandSpec spec) {
        List<Opt> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            boolean value = o.arity().max() > 0 && !o.type().equals(boolean.class) && !o.type().equals(Boolean.class);
            List<String> candidates = candidates(o.completionCandidates());
            options.add(new Opt(List.of(o.names()), Descriptions.of(o), value, value ? kind(o.longestName(), candidates) : ValueKind.NONE,
                candidates));
        }
        List<CommandModel> subs = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (!s.usageMessage().hidden() && s.name().equals(sub.getCommandName()) && !contains(subs, s.name())) {
                subs.add(of(s));
            }
        }
        ValueKind positional = ValueKind.NONE;
        List<String> positionalCandidates = List.of();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.hidden()) {
                continue;
            }
            positionalCandidates = candidates(p.completionCandidates());
            positional = spec.helpCommand() ? ValueKind.COMMAND
                : "PATH".equals(p.paramLabel()) && !positionalCandidates.isEmpty() ? ValueKind.FIELD_PATH
                : positionalCandidates.isEmpty() ? ValueKind.FREE : ValueKind.ENUM;
        }
        return new CommandModel(spec.name(), first(spec.usageMessage().description()), options, subs, positional,
            positionalCandidates);
    }

    static ValueKind kind(String name, List<String> candidates) {
        switch (name) {
            case "--file": return ValueKind.FILE;
            case "--user": return ValueKind.USER;
            case "--id": return ValueKind.POSITION;
            case "--set": return ValueKind.ASSIGNMENT;
            case "--unset": return ValueKind.FIELD_PATH;
            default: return candidates.isEmpty() ? ValueKind.FREE : ValueKind.ENUM;
        }
    }

    private static boolean contains(List<CommandModel> list, String name) {
        return list.stream().anyMatch(c -> c.name().equals(name));
    }

    static List<String> candidates(Iterable<String> it) {
        List<String> out = new ArrayList<>();
        if (it != null) {
            it.forEach(out::add);
        }
        return out;
    }

    static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }
}
