package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.core.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Main builds only the command its arguments name; what a user sees must not change by that. */
class LazyCommandTreeTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {}

    Environment env() {
        return new Environment(Map.of("XDG_DATA_HOME", dir.resolve("data").toString(), "HOME", dir.toString()),
            new ByteArrayInputStream(new byte[0]), false, false, false, dir, Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC));
    }

    Outcome run(boolean lazy, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        CommandLine cl = lazy ? CommandLineFactory.create(env(), o, e, args) : CommandLineFactory.create(env(), o, e);
        int code = cl.execute(args);
        o.flush();
        e.flush();
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void everyHelpUsageErrorAndOfflineCommandReadsTheSameAsWithTheWholeTree() throws Exception {
        Files.writeString(dir.resolve("x.json"), "{\"userId\":\"a\",\"id\":\"b\",\"detail\":{\"jobTitle\":\"PM\",\"layer\":\"x\"}}\n");
        List<String[]> lines = new ArrayList<>(List.of(new String[] {}, new String[] {"--help"}, new String[] {"-h"},
            new String[] {"--version"}, new String[] {"help"}, new String[] {"valdiate"}, new String[] {"--nope"},
            new String[] {"validate", "--nope"}, new String[] {"validate", "-f", "x.json", "-o", "text"},
            new String[] {"validate", "-f", "x.json"}, new String[] {"schema", "detail.layer"}, new String[] {"sandbox"},
            new String[] {"help", "sandbox"}, new String[] {"sandbox", "serve", "--port", "-1"},
            new String[] {"update", "--user"}, new String[] {"delete", "--user", "a", "--id", "b"},
            new String[] {"validate", "update"}, new String[] {"validate", "-f", "x.json", "lsit"}, new String[] {"help", "help"},
            new String[] {"completion"}, new String[] {"config"}, new String[] {"-h", "update"}, new String[] {"--help", "validate"},
            new String[] {"update", "-V"}, new String[] {"validate", "--version"}, new String[] {"validate", "-f", "x.json", "-h"}));
        CommandLine whole = CommandLineFactory.create(env(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertTrue(whole.getSubcommands().size() >= 9, "the commands: " + whole.getSubcommands().keySet());
        for (String name : whole.getSubcommands().keySet()) {
            lines.add(new String[] {"help", name});
            lines.add(new String[] {name, "--no-such-option"});
        }
        for (String[] args : lines) {
            assertEquals(run(false, args), run(true, args), () -> "posctl " + String.join(" ", args));
        }
    }

    @Test
    void everyCommandAndSubcommandAnswersHelpAsTheHelpCommandDoes() {
        List<List<String>> paths = new ArrayList<>();
        collect(CommandLineFactory.create(env(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
            List.of(), paths);
        assertTrue(paths.size() >= 20, "commands and their subcommands: " + paths);
        for (List<String> path : paths) {
            for (String flag : new String[] {"--help", "-h"}) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                Outcome help = run(true, args.toArray(String[]::new));
                assertEquals(0, help.code(), () -> "posctl " + args + ": " + help);
                assertTrue(help.out().startsWith("Usage: posctl " + String.join(" ", path)), () -> "posctl " + args + ": " + help);
                assertTrue(help.out().contains("-h, --help"), () -> "posctl " + args + " lists its help option: " + help.out());
                assertEquals(run(false, args.toArray(String[]::new)), help, () -> "posctl " + args);
            }
        }
        assertEquals(run(true, "help", "update").out(), run(true, "update", "--help").out());
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> paths) {
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !name.equals("help")) {
                List<String> p = new ArrayList<>(path);
                p.add(name);
                paths.add(p);
                collect(sub, p, paths);
            }
        });
    }

    @Test
    void onlyTheNamedCommandIsBuiltInFull() {
        CommandLine lazy = CommandLineFactory.create(env(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            "validate", "-f", "x.json");
        assertTrue(lazy.getSubcommands().get("validate").getCommandSpec().userObject() instanceof ValidateCommand);
        assertEquals(null, lazy.getSubcommands().get("update"), "a named command parses alone: no stand-ins");
        assertEquals(List.of(), lazy.getCommandSpec().options(), "nor the root's -h/-V, which only come before a command");
        assertEquals(2, CommandLineFactory.create(env(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            "-v", "validate").getCommandSpec().options().size(), "a line that starts with an option gets them");
        CommandLine unknown = CommandLineFactory.create(env(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            "updte", "--user", "u");
        assertEquals(null, unknown.getSubcommands().get("update").getCommandSpec().userObject(), "stand-ins for suggestions");
        assertEquals("help", CommandLineFactory.commandNamed("-v", "help"));
        assertEquals("update", CommandLineFactory.commandNamed("help", "update"));
        assertEquals(null, CommandLineFactory.commandNamed("--help"));
    }
}
