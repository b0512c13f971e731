package dev.posctl.cli;

import dev.posctl.api.LocalEndpoints;
import dev.posctl.core.Environment;
import dev.posctl.sandbox.EmbeddedSandboxes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "posctl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Validate and apply edits to Microsoft Graph profile positions (workPosition).",
    subcommands = {UpdateCommand.class, UndoCommand.class, GetCommand.class, ListCommand.class, CreateCommand.class, DeleteCommand.class,
        DiffCommand.class, ApplyCommand.class, ExportCommand.class, ValidateCommand.class, SchemaCommand.class, SandboxCommand.class, HelpCommand.class,
        CompletionCommand.class, CompleteCommand.class, ShellCommand.class, EditCommand.class,
        ConfigCommand.class, LoginCommand.class, LogoutCommand.class, WhoamiCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:differences found (diff)",
        "2:usage error (bad option or argument)",
        "3:invalid input: nothing was sent",
        "4:the endpoint rejected one or more edits",
        "5:authentication or permission failure",
        "6:endpoint unreachable or still failing after retries",
        "7:configuration error, or a file it writes (journal, report, output) cannot be written",
        "70:internal error (a bug: please report it)",
        "130:interrupted"})
public final class PosctlCommand implements Runnable {
    private final Environment env;
    private final LocalEndpoints local;

    @Spec
    CommandSpec spec;

    /** @param local the sandbox a shell lends its lines, or null for one per command */
    public PosctlCommand(Environment env, LocalEndpoints local) {
        this.env = env;
        this.local = local;
    }

    public Environment env() {
        return env;
    }

    /** Where the embedded sandbox comes from: the shell's, else one per command (loaded only when asked). */
    public LocalEndpoints local() {
        // a lambda of this class: the sandbox's classes load only when a command does go to it
        return local != null ? local : e -> EmbeddedSandboxes.perCommand().open(e);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing (try posctl update, posctl list or posctl --help)");
    }
}
