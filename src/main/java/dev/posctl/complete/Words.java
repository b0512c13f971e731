package dev.posctl.complete;

import dev.posctl.core.CommandWords;
import java.util.List;

/** A command line up to the cursor, split as a shell would: quotes and backslashes honoured. */
public record Words(List<String> before, String current) {

    public static Words split(String line) {
        CommandWords.Split split = CommandWords.split(line);
        return new Words(split.words(), split.last());
    }

    /** Without the program name, when the line starts with one. */
    public Words withoutProgram() {
        return before.isEmpty() ? this : new Words(before.subList(1, before.size()), current);
    }
}
