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
    description = {"Delete a position (--user, --id), or every position the documents of -f name by userId and id. "
        + "Asks first on a terminal (once for the whole set); elsewhere --yes is required.",
        "Answering anything but y at the prompt (or end of input, or Ctrl-C) deletes nothing: \"nothing deleted\" on stderr "
            + "and exit 130, so a script can tell. -o json prints what was deleted: [{\"user\":..,\"id\":..,\"status\":\"deleted\"}] "
            + "(an empty array when nothing was).",
        "With -f, every document is read and checked first: one without userId or id deletes nothing (exit 3). Many deletes go "
            + "out in JSON batches, several at once; each gets a result (deleted, notFound or failed); exit 4 when any failed."})
public final class DeleteCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("user|USER", "id|ID", "status|STATUS");

    @Option(names = {"-u", "--user"}, paramLabel = "USER", converter = NonBlank.class,
        description = "The user: object id, userPrincipalName or 'me'.")
    String user;

    @Option(names = "--id", converter = NonBlank.class, paramLabel = "ID", description = "The position id.")
    String id;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Mixin
    DeleteFileOptions files;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!files.files.isEmpty()) {
            if (user != null || id != null) {
                throw new PosctlException(ExitCode.USAGE, "give either -f FILE or --user and --id, not both");
            }
            return new DeleteFromFiles(common, files, endpoint, yes).run(output.resolve(common.env().stdoutTerminal()));
        }
        if (user == null || id == null) {
            throw new PosctlException(ExitCode.USAGE, "name the position with --user USER --id ID, or give documents with -f FILE");
        }
        if (files.bulkOptionsGiven()) {
            throw new PosctlException(ExitCode.USAGE, "--dry-run, --fail-fast, --report, --journal and --resume go with -f FILE");
        }
        return one();
    }

    private int one() throws IOException {
        var env = common.env();
        OutputFormat format = output.resolve(env.stdoutTerminal());
        Renderer renderer = Renderer.of(format, env.stdoutTerminal(), env.columns(), COLUMNS);
        ArrayNode deleted = JsonNodeFactory.instance.arrayNode();
        if (!yes) {
            if (!env.stdinTerminal()) {
                throw new PosctlException(ExitCode.USAGE, "refusing to delete without --yes when no one can be asked (stdin is not a terminal)");
            }
            if (!confirmed(common, "Delete position " + TerminalText.escape(id) + " of " + TerminalText.escape(user) + "? [y/N] ")) {
                if (format != OutputFormat.table) {
                    renderer.render(deleted, common.out());
                }
                return ExitCode.INTERRUPTED;
            }
        }
        try (Connection c = endpoint.open(common)) {
            c.service().delete(user, id);
        }
        deleted.addObject().put("user", user).put("id", id).put("status", "deleted");
        renderer.render(deleted, common.out());
        common.note("deleted position " + TerminalText.escape(id) + " of " + TerminalText.escape(user));
        return ExitCode.OK;
    }

    /** Asks on stderr and reads stdin; a no says "nothing deleted". */
    static boolean confirmed(CommonOptions common, String question) throws IOException {
        common.err().print(question);
        common.err().flush();
        String answer = new BufferedReader(new InputStreamReader(common.env().stdin(), StandardCharsets.UTF_8)).readLine();
        if (answer == null || !answer.trim().toLowerCase(java.util.Locale.ROOT).matches("y|yes")) {
            // a cancellation, as Ctrl-C at the prompt is: exit 0 would tell a script the position is gone
            common.err().println("posctl: nothing deleted");
            common.err().flush();
            return false;
        }
        return true;
    }
}
