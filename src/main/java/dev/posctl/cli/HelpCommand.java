package dev.posctl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * picocli's help command, but it follows nested names: "posctl help config set" shows config
 * set's help, where picocli's (final, one name only) showed config's.
 */
@Command(name = "help", helpCommand = true, synopsisHeading = "%nUsage: ",
    header = "Display help information about the specified command.",
    description = {"%nWhen no COMMAND is given, the usage help for the main command is displayed.",
        "If a COMMAND is specified, the help for that command is shown.%n"})
public final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show usage help for the help command and exit.")
    boolean helpRequested;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The COMMAND to display the usage help message for.")
    List<String> commands = new ArrayList<>();

    private CommandLine self;
    private ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine target = self.getParent();
        if (target == null) {
            return 0;
        }
        List<String> path = new ArrayList<>();
        for (String name : commands) {
            path.add(name);
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(self, "Unknown subcommand '" + String.join(" ", path) + "'.", null, name);
            }
            target = sub;
        }
        target.usage(out, colors);
        return target.getCommandSpec().exitCodeOnUsageHelp();
    }
}
