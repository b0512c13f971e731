package dev.posctl.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Stands in for the generated CommandSpecs.java while the profile regenerate-specs writes it anew
 * (see pom.xml): the same API, and no commands. The annotations it is generated from may have changed
 * so that the old one no longer compiles.
 */
final class CommandSpecs {
    private CommandSpecs() {}

    record Entry(String name, String[] aliases, String[] header, String[] description, boolean hidden) {}

    static final List<Entry> COMMANDS = List.of();

    static CommandSpec command(String name) {
        return null;
    }

    static FormatChoice formats(Object command) {
        return null;
    }

    static CommandSpec posctlCommand(PosctlCommand o, boolean standardHelpOptions) {
        return CommandSpec.wrapWithoutInspection(o);
    }
}
