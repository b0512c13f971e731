package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.posctl.api.Connection;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.edit.EditSession;
import dev.posctl.input.Edit;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import dev.posctl.run.Outcome;
import dev.posctl.run.Operation;
import dev.posctl.run.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson})
@Command(name = "edit", sortOptions = false,
    description = {"Edit a position as YAML in $VISUAL or $EDITOR, then send the change through the normal update (with the safe merge).",
        "A save with problems reopens the file with them as comments at the top; an empty or unchanged file sends nothing."})
public final class EditCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var env = common.env();
        String editor = env.get("VISUAL") != null ? env.get("VISUAL") : env.get("EDITOR");
        if (editor == null) {
            throw new PosctlException(ExitCode.USAGE, "no editor: set VISUAL or EDITOR (for example EDITOR=vi)");
        }
        var format = output.resolve(env.stdoutTerminal());
        try (Connection c = endpoint.open(common)) {
            var position = c.service().get(target.user, target.id);
            Edit edit = new EditSession(file -> runEditor(editor, file), env.today()).run(target.user, target.id, position);
            if (edit == null) {
                common.note("posctl: edit cancelled: nothing was sent");
                return ExitCode.OK;
            }
            Outcome r = new Sequence(c.service(), new Sequence.Options(true, false, false, false), null).one(Operation.update(edit), c.service());
            var rows = JsonNodeFactory.instance.arrayNode().add(r.toJson());
            Renderer.of(format, env.stdoutTerminal(), env.columns(), Views.RESULTS).render(rows, common.out());
            if (r.isFailure()) {
                common.editFailed(null, null, r.error());
            }
            return r.isFailure() ? r.exitCode() : ExitCode.OK;
        }
    }

    /** The editor runs without a shell: its words are split as a shell would (EDITOR="code --wait"), the file added last. */
    private static void runEditor(String editor, java.nio.file.Path file) throws java.io.IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(dev.posctl.core.CommandWords.split(editor).all());
        cmd.add(file.toString());
        int code = new ProcessBuilder(cmd).inheritIO().start().waitFor();
        if (code != 0) {
            throw new PosctlException(ExitCode.USAGE, "the editor (" + editor + ") exited with " + code + "; nothing was sent");
        }
    }
}
