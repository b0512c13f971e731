package dev.posctl.cli;

import dev.posctl.api.LocalEndpoints;
import dev.posctl.complete.CommandModel;
import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.docs.ModelExport;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * Builds the one command tree that main, the tests and (later) the shell all run: handlers,
 * exit codes, version, defaults from the environment, and the writers.
 */
public final class CommandLineFactory {
    static {
        // picocli looks for Groovy on the class path before its first command (a failed lookup opens every
        // jar) and, for every CommandLine, reflects over some twenty java.time and java.sql types to register
        // converters: about 20 ms of a start. posctl has no Groovy and no option of those types (CommandSpecsTest).
        System.setProperty("picocli.disable.closures", "true");
        System.setProperty("picocli.converters.excludes", "java\\.(sql|time)\\..*");
    }

    private CommandLineFactory() {}

    /** The whole tree, for running any number of command lines (tests, the shell). */
    public static CommandLine create(Environment env, PrintWriter out, PrintWriter err) {
        return create(env, null, out, err);
    }

    /** The whole tree with the embedded sandbox lent by {@code local} (a shell's, for all its lines). */
    public static CommandLine create(Environment env, LocalEndpoints local, PrintWriter out, PrintWriter err) {
        return configure(wholeTree(new PosctlCommand(env, local)), env, out, err);
    }

    /** Every command under {@code root}, as {@link CommandSpecs} builds them, before the factory configures the tree. */
    static CommandLine wholeTree(PosctlCommand root) {
        CommandLine cl = new CommandLine(CommandSpecs.posctlCommand(root, true));
        for (CommandSpecs.Entry e : CommandSpecs.COMMANDS) {
            cl.addSubcommand(e.name(), new CommandLine(CommandSpecs.command(e.name())));
        }
        return cl;
    }

    /**
     * The whole tree in an empty environment: what the generated completion scripts and man pages
     * describe, whatever the variables of the shell that builds them.
     */
    public static CommandLine neutral() {
        Environment env = new Environment(java.util.Map.of(), java.io.InputStream.nullInputStream(), false, false, false,
            java.nio.file.Path.of("/"), java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC));
        PrintWriter sink = new PrintWriter(java.io.Writer.nullWriter());
        return create(env, sink, sink);
    }

    /**
     * What completion offers (the shell's Tab, {@code __complete}): always the whole tree, whichever
     * part of it main built for its own arguments.
     */
    static CommandModel completionModel(Environment env) {
        PrintWriter sink = new PrintWriter(java.io.Writer.nullWriter());
        return ModelExport.of(create(env, sink, sink).getCommandSpec());
    }

    /**
     * The tree for running exactly these arguments once (main). Only the command the arguments name
     * is built in full; every other one is a stand-in with its name and description, enough for the
     * root's help, its "did you mean" suggestions and the parser to pass it by. When the arguments
     * name a command, which then does all the parsing, not even the stand-ins are made (each costs
     * picocli more than a millisecond to set up). Every command comes from {@link CommandSpecs}, which
     * reads no annotations.
     */
    public static CommandLine create(Environment env, PrintWriter out, PrintWriter err, String... args) {
        String wanted = commandNamed(args);
        boolean named = false;
        // only when the command comes first: "posctl -h update" is the root's help, which lists every command
        if (args.length > 0 && !"help".equals(args[0]) && args[0].equals(wanted)) {
            for (CommandSpecs.Entry e : CommandSpecs.COMMANDS) {
                named |= names(e, wanted);
            }
        }
        // the root's -h and -V come before any command word, so a line that starts with one has no use
        // for them, and picocli spends some 10 ms building them by reflection
        CommandLine cl = new CommandLine(CommandSpecs.posctlCommand(new PosctlCommand(env, null), !named));
        for (CommandSpecs.Entry e : CommandSpecs.COMMANDS) {
            if (names(e, wanted) || ("help".equals(e.name()) && !named)) {
                cl.addSubcommand(e.name(), new CommandLine(CommandSpecs.command(e.name())));
            } else if (!named) {
                CommandSpec standIn = CommandSpec.create().name(e.name()).aliases(e.aliases());
                standIn.usageMessage().description(e.description()).header(e.header()).hidden(e.hidden());
                cl.addSubcommand(e.name(), standIn);
            }
        }
        return configure(cl, env, out, err);
    }

    /**
     * "posctl update --help" is where people look first; every real command (not the stand-ins, which
     * never parse) gets -h/--help unless it declares its own. The root's -V stays the root's.
     */
    private static void addHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.userObject() != null && spec.optionsMap().get("--help") == null) {
                String[] names = spec.optionsMap().containsKey("-h") ? new String[] {"--help"} : new String[] {"-h", "--help"};
                spec.addOption(OptionSpec.builder(names).usageHelp(true)
                    .description("Show this help message and exit.").build());
            }
            narrowFormats(spec);
            addHelpOptions(sub);
        }
    }

    /** Help, man pages and completion offer a command's own {@link Formats}, not every format there is. */
    private static void narrowFormats(CommandSpec spec) {
        OptionSpec output = spec.optionsMap().get("--output");
        if (output == null) {
            return;
        }
        FormatChoice formats = OutputOptions.formats(spec);
        List<String> names = formats.value().stream().map(Enum::name).toList();
        String description = "Output format: " + String.join(", ", names) + " (default: " + formats.terminal() + " on a terminal"
            + (formats.terminalAlso().isEmpty() ? "" : " or " + formats.terminalAlso()) + ", "
            + (names.contains("github") ? "github in GitHub Actions, " : "") + formats.pipe() + " otherwise; env "
            + OutputOptions.VARIABLE + "; profile output).";
        spec.remove(output);
        spec.addOption(output.toBuilder().completionCandidates(names).description(description).build());
    }

    private static boolean names(CommandSpecs.Entry e, String wanted) {
        return e.name().equals(wanted) || Arrays.asList(e.aliases()).contains(wanted);
    }

    /** The subcommand the arguments run or ask help for: the first non-option, or the one after help. */
    static String commandNamed(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("-")) {
                return "help".equals(args[i]) && i + 1 < args.length ? args[i + 1] : args[i];
            }
        }
        return null;
    }

    private static CommandLine configure(CommandLine cl, Environment env, PrintWriter out, PrintWriter err) {
        addHelpOptions(cl);
        boolean color = env.stdoutTerminal() && env.colorAllowed();
        cl.setColorScheme(Help.defaultColorScheme(color ? Help.Ansi.ON : Help.Ansi.OFF));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        cl.setDefaultValueProvider(new EnvironmentDefaults(env));
        cl.setParameterExceptionHandler(new ErrorHandlers.Usage());
        cl.setExecutionExceptionHandler(new ErrorHandlers.Execution());
        cl.setExitCodeExceptionMapper(t -> ExitCode.INTERNAL);
        return cl;
    }
}
