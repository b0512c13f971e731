package dev.posctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "config", sortOptions = false,
    description = {"Show and change the configuration file and its profiles.",
        "File: $POSCTL_CONFIG, else $XDG_CONFIG_HOME/posctl/config.yaml. Precedence: flag > environment > profile > built-in default."},
    subcommands = {ConfigViewCommand.class, ConfigGetCommand.class, ConfigSetCommand.class, ConfigUnsetCommand.class,
        ConfigUseCommand.class, ConfigProfilesCommand.class})
public final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a config subcommand is missing (view, get, set, unset, use or profiles)");
    }
}
