package dev.posctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.Connection;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.core.Version;
import dev.posctl.input.Edit;
import dev.posctl.json.JsonTrees;
import dev.posctl.output.Annotations;
import dev.posctl.output.JsonRenderer;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import dev.posctl.output.SarifRenderer;
import dev.posctl.run.Merge;
import dev.posctl.run.Outcome;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson, OutputFormat.github, OutputFormat.sarif})
@Command(name = "diff", sortOptions = false,
    description = {"Show, field by field, what an update would change. Sends no writes.",
        "Exit 0 when nothing would change, 1 when something would."})
public final class DiffCommand implements Callable<Integer> {
    static final String WOULD_CHANGE = "would-change";
    static final String FAILED = "diff-failed";

    @Mixin
    InputOptions input;

    @Mixin
    EditOptions edit;

    @Option(names = "--current", description = "Compare with the user's current position when no id is given.")
    boolean current;

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
        List<Edit> edits = EditValidation.requireValid(input.toInputs(env, edit, !current), common, format);
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        SarifRenderer sarif = new SarifRenderer(Version.get())
            .rule(WOULD_CHANGE, "An update with this edit would change this field of the position.")
            .rule(FAILED, "The position this edit names could not be read: the edit cannot be compared or applied.");
        int failure = 0;
        try (Connection c = endpoint.open(common)) {
            for (Edit e : edits) {
                try {
                    JsonNode now = e.id() != null ? c.service().get(e.userId(), e.id()) : c.service().current(e.userId());
                    String id = e.id() != null ? e.id() : now.path("id").asText();
                    ObjectNode fields = e.fields();
                    for (Merge.Change ch : Merge.changes(now, Merge.body(fields, now))) {
                        ObjectNode row = rows.addObject();
                        row.put("user", e.userId());
                        row.put("id", id);
                        row.put("path", ch.path());
                        row.set("current", ch.current());
                        row.set("new", ch.proposed());
                        if (e.location() != null) {
                            row.put("source", e.location().prefix());
                        }
                        String change = e.userId() + " " + id + ": " + ch.path() + ": " + JsonTrees.compact(ch.current()) + " -> "
                            + JsonTrees.compact(ch.proposed());
                        if (format == OutputFormat.github) {
                            common.out().println(Annotations.of("notice", e.location(), "posctl diff", change));
                        }
                        sarif.result(WOULD_CHANGE, "note", e.location(), ch.path(), change);
                    }
                } catch (PosctlException ex) {
                    common.editFailed(e.location(), null, ex.getMessage());
                    if (format == OutputFormat.github) {
                        common.out().println(Annotations.of("error", e.location(), "posctl diff failed", e.userId() + ": " + ex.getMessage()));
                    }
                    sarif.result(FAILED, "error", e.location(), "", e.userId() + ": " + ex.getMessage());
                    failure = Outcome.worse(failure, ex.exitCode());
                }
            }
        }
        if (format == OutputFormat.sarif) {
            new JsonRenderer(env.stdoutTerminal()).render(sarif.toJson(), common.out());
        } else if (format != OutputFormat.github) {
            Renderer.of(format, env.stdoutTerminal(), env.columns(), Views.CHANGES).render(rows, common.out());
        }
        common.out().flush();
        if (failure != 0) {
            return failure;
        }
        common.note(rows.size() == 0 ? "no differences" : rows.size() + (rows.size() == 1 ? " field differs" : " fields differ"));
        return rows.size() == 0 ? ExitCode.OK : ExitCode.DIFFERENCES;
    }
}
