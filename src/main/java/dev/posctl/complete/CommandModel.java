package dev.posctl.complete;

import java.util.List;

/**
 * The command tree as plain data: what completion needs to know about each command and option,
 * so the shell and {@code __complete} never walk picocli themselves.
 */
public record CommandModel(String name, String description, List<Opt> options, List<CommandModel> subcommands,
                           ValueKind positional, List<String> positionalCandidates) {

    /** An option: its names, whether it takes a value, and what kind of value. */
    public record Opt(List<String> names, String description, boolean takesValue, ValueKind kind, List<String> candidates) {}

    /** What the value of an option or a positional is, which decides where candidates come from. */
    public enum ValueKind { NONE, FREE, ENUM, FIELD_PATH, ASSIGNMENT, FILE, USER, POSITION, COMMAND }

    public CommandModel subcommand(String word) {
        for (CommandModel c : subcommands) {
            if (c.name.equals(word)) {
                return c;
            }
        }
        return null;
    }

    public Opt option(String word) {
        for (Opt o : options) {
            if (o.names.contains(word)) {
                return o;
            }
        }
        return null;
    }
}
