package dev.posctl.cli;

import dev.posctl.complete.Completer;
import dev.posctl.complete.IdCache;
import dev.posctl.schema.Schema;
import dev.posctl.shell.Fetcher;
import dev.posctl.shell.LineRunner;
import dev.posctl.shell.PositionIds;
import dev.posctl.shell.ShellLoop;
import dev.posctl.shell.ShellSession;
import dev.posctl.shell.TerminalShell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The shell. JLine stays behind {@link TerminalShell}, loaded only when a terminal shell starts. */
@Command(name = "shell", sortOptions = false,
    description = {"Run posctl commands interactively: Tab completes commands, options, fields and ids.",
        "History is kept in $XDG_STATE_HOME/posctl/history; Ctrl-C drops the line, Ctrl-D or exit leaves; help lists commands."
            + " With stdin not a terminal, commands are read line by line without prompts."})
public final class ShellCommand implements Callable<Integer> {
    /** How long Tab waits for position ids from the endpoint before offering what is cached. */
    static final long ID_WAIT_MILLIS = 300;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        var env = common.env();
        IdCache cache = IdCache.of(env);
        try (ShellSession session = ShellSession.open(env)) {
            if (session.usesSandbox()) {
                common.note("posctl: no endpoint configured: this shell uses one embedded sandbox (data "
                    + dev.posctl.update.Connection.sandboxData(env) + ")");
            }
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
            try (PositionIds ids = new PositionIds(cache, env.cwd(), Fetcher.positions(session.env()), ID_WAIT_MILLIS)) {
                Completer completer = new Completer(CommandLineFactory.completionModel(env), Schema.get(), ids);
                return TerminalShell.run(session, completer, cache, history(env), (out, err) -> runner(session, out, err));
            }
        }
    }

    static java.nio.file.Path history(dev.posctl.core.Environment env) {
        return env.xdg("XDG_STATE_HOME", ".local/state").resolve("posctl").resolve("history");
    }

    /** Every line runs through a fresh tree from the one factory: the same commands as outside the shell. */
    static LineRunner runner(ShellSession session, PrintWriter out, PrintWriter err) {
        return words -> {
            int code = CommandLineFactory.create(session.env(), out, err).execute(words.toArray(new String[0]));
            out.flush();
            err.flush();
            return code;
        };
    }
}
