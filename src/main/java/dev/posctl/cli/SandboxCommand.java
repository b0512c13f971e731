package dev.posctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "sandbox", sortOptions = false,
    description = {"Run or reset the embedded Graph-compatible sandbox",
        "A local stand-in for Microsoft Graph beta profile positions, with demo users adele, alex and megan"
            + " @contoso.com. It is posctl's endpoint when none is configured."},
    subcommands = {SandboxServeCommand.class, SandboxResetCommand.class})
public final class SandboxCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a sandbox command is missing (try posctl sandbox serve)");
    }
}
