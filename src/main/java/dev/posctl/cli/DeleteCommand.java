package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.posctl.api.Connection;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import dev.posctl.output.TerminalText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson})
@Command(name = "delete", sortOptions = false,
    description = {"Delete a position. Asks first on a terminal; elsewhere --yes is required.",
        "Answering anything but y at the prompt (or end of input, or Ctrl-C) deletes nothing: \"nothing deleted\" on stderr "
            + "and exit 130, so a script can tell. -o json prints what was deleted: [{\"user\":..,\"id\":..,\"status\":\"deleted\"}] "
            + "(an empty array when nothing was)."})
public final class DeleteCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("user|USER", "id|ID", "status|STATUS");

    @Mixin
    TargetOptions target;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        var env = common.env();
        OutputFormat format = output.resolve(env.stdoutTerminal());
        Renderer renderer = Renderer.of(format, env.stdoutTerminal(), env.columns(), COLUMNS);
        ArrayNode deleted = JsonNodeFactory.instance.arrayNode();
        if (!yes) {
            if (!env.stdinTerminal()) {
                throw new PosctlException(ExitCode.USAGE, "refusing to delete without --yes when no one can be asked (stdin is not a terminal)");
            }
            common.err().print("Delete position " + TerminalText.escape(target.id) + " of " + TerminalText.escape(target.user) + "? [y/N] ");
            common.err().flush();
            String answer = new BufferedReader(new InputStreamReader(env.stdin(), StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.trim().toLowerCase(java.util.Locale.ROOT).matches("y|yes")) {
                // a cancellation, as Ctrl-C at the prompt is: exit 0 would tell a script the position is gone
                common.err().println("posctl: nothing deleted");
                common.err().flush();
                if (format != OutputFormat.table) {
                    renderer.render(deleted, common.out());
                }
                return ExitCode.INTERRUPTED;
            }
        }
        try (Connection c = endpoint.open(common)) {
            c.service().delete(target.user, target.id);
        }
        deleted.addObject().put("user", target.user).put("id", target.id).put("status", "deleted");
        renderer.render(deleted, common.out());
        common.note("deleted position " + TerminalText.escape(target.id) + " of " + TerminalText.escape(target.user));
        return ExitCode.OK;
    }
}
