package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.Connection;
import dev.posctl.core.PosctlException;
import dev.posctl.input.Edit;
import dev.posctl.output.Annotations;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import dev.posctl.validate.CreateRules;
import dev.posctl.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson, OutputFormat.github})
@Command(name = "create", sortOptions = false,
    description = {"Create positions with POST: one from flags, or any number from -f. The service assigns the ids.",
        "Every document is validated first; with any invalid one nothing is sent (exit 3)."})
public final class CreateCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    EditOptions edit;

    @Option(names = "--ignore-ids", description = "Create new positions from documents that name an id (the id is not sent); without it such a document is refused, as it was most likely meant for update.")
    boolean ignoreIds;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var env = common.env();
        OutputFormat format = output.resolve(env.stdoutTerminal());
        List<Edit> edits = EditValidation.requireValid(input.toInputs(env, edit, false), common, format);
        List<Problem> problems = new ArrayList<>();
        for (Edit e : edits) {
            problems.addAll(CreateRules.check(e.body(), e.location(), ignoreIds));
        }
        EditValidation.require(problems, common, format);
        ArrayNode created = JsonNodeFactory.instance.arrayNode();
        int code = 0;
        try (Connection c = endpoint.open(common)) {
            for (Edit e : edits) {
                ObjectNode body = e.fields();
                try {
                    created.add(c.service().create(e.userId(), body));
                } catch (PosctlException ex) {
                    common.editFailed(e.location(), null, ex.getMessage());
                    if (format == OutputFormat.github) {
                        common.out().println(Annotations.of("error", e.location(), "posctl create failed", e.userId() + ": " + ex.getMessage()));
                    }
                    code = dev.posctl.update.UpdateResult.worse(code, ex.exitCode());
                }
            }
        }
        if (format != OutputFormat.github) {
            Renderer.of(format, env.stdoutTerminal(), env.columns(), Views.POSITIONS).render(created, common.out());
        }
        common.out().flush();
        common.note(created.size() + " created" + (code != 0 ? ", " + (edits.size() - created.size()) + " failed" : ""));
        return code;
    }
}
