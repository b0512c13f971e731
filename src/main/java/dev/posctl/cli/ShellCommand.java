package dev.posctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.complete.Completer;
import dev.posctl.complete.IdCache;
import dev.posctl.json.JsonTrees;
import dev.posctl.schema.Schema;
import dev.posctl.shell.LineRunner;
import dev.posctl.shell.PositionIds;
import dev.posctl.shell.ShellLoop;
import dev.posctl.shell.ShellSession;
import dev.posctl.shell.TerminalShell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The shell. JLine stays behind {@link TerminalShell}, loaded only when a terminal shell starts. */
@Command(name = "shell", sortOptions = false,
    description = {"Run posctl commands interactively: Tab completes commands, options, fields and ids.",
        "History is kept in $XDG_STATE_HOME/posctl/history; Ctrl-C drops the line, Ctrl-D or exit leaves; help lists commands."
            + " With stdin not a terminal, commands are read line by line without prompts."
            + " Lines run with the shell's --profile; the prompt names the profile and endpoint they use."})
public final class ShellCommand implements Callable<Integer> {
    /** How long Tab waits for position ids from the endpoint before offering what is cached. */
    static final long ID_WAIT_MILLIS = 300;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        var env = common.env();
        IdCache cache = IdCache.of(env);
        try (ShellSession session = ShellSession.open(env, common.profileFlag())) {
            if (!env.stdinTerminal()) {
                ShellLoop loop = new ShellLoop(runner(session, common.out(), common.err()), cache, common.err());
                BufferedReader in = new BufferedReader(new InputStreamReader(env.stdin(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (loop.accept(line) == ShellLoop.Next.EXIT) {
                        break;
                    }
                }
                return loop.lastCode();
            }
            try (PositionIds ids = new PositionIds(cache, env.cwd(), user -> positionIds(session, user), ID_WAIT_MILLIS)) {
                Completer completer = new Completer(CommandLineFactory.completionModel(env), Schema.get(), ids);
                return TerminalShell.run(session, completer, cache, history(env), (out, err) -> runner(session, out, err));
            }
        }
    }

    static Path history(dev.posctl.core.Environment env) {
        return env.xdg("XDG_STATE_HOME", ".local/state").resolve("posctl").resolve("history");
    }

    /** Every line runs through a fresh tree from the one factory: the same commands as outside the shell. */
    static LineRunner runner(ShellSession session, PrintWriter out, PrintWriter err) {
        return words -> {
            int code = CommandLineFactory.create(session.env(), session.local(), out, err).execute(words.toArray(new String[0]));
            out.flush();
            err.flush();
            return code;
        };
    }

    /**
     * A user's position ids for Tab, fetched by the same {@code list} a line would run (same profile,
     * endpoint, token and sign-in refresh), impatiently: failures are just no ids.
     */
    static List<String> positionIds(ShellSession session, String user) {
        StringWriter out = new StringWriter();
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        int code = CommandLineFactory.create(session.env(), session.local(), new PrintWriter(out), nowhere)
            .execute("list", "--user", user, "-o", "json", "-q", "--connect-timeout", "2", "--timeout", "3", "--max-retries", "0");
        List<String> ids = new ArrayList<>();
        if (code != 0) {
            return ids;
        }
        try {
            for (JsonNode p : JsonTrees.read(out.toString())) {
                if (p.path("id").isTextual()) {
                    ids.add(p.get("id").asText());
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return ids;
    }
}
