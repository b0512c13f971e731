package dev.posctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.Connection;
import dev.posctl.api.FailedCall;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.GraphError;
import dev.posctl.input.Edit;
import dev.posctl.input.EditInputs;
import dev.posctl.output.Annotations;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import dev.posctl.validate.CreateRules;
import dev.posctl.validate.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    ReportOptions reports;

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
        EditInputs inputs = input.toInputs(env, edit, false);
        reports.check(inputs.sources(), env.cwd());
        List<Edit> edits = EditValidation.requireValid(inputs, common, format);
        List<Problem> problems = new ArrayList<>();
        for (Edit e : edits) {
            problems.addAll(CreateRules.check(e.body(), e.location(), ignoreIds));
        }
        EditValidation.require(problems, common, format);
        ArrayNode created = JsonNodeFactory.instance.arrayNode();
        int code = 0;
        long start = System.nanoTime();
        PosctlException reportFailure = null;
        try (Connection c = endpoint.open(common); CiReports ci = CiReports.open(reports, common, "posctl create")) {
            for (Edit e : edits) {
                ObjectNode body = e.fields();
                try {
                    JsonNode position = c.service().create(e.userId(), body);
                    created.add(position);
                    if (ci != null) {
                        ci.add(outcome(e, "created", position.path("id").asText(null), null));
                    }
                } catch (PosctlException ex) {
                    if (ci != null) {
                        ci.add(outcome(e, "failed", null, ex));
                    }
                    common.editFailed(e.location(), null, ex.getMessage());
                    if (format == OutputFormat.github) {
                        common.out().println(Annotations.of("error", e.location(), "posctl create failed", e.userId() + ": " + ex.getMessage()));
                    }
                    code = dev.posctl.update.UpdateResult.worse(code, ex.exitCode());
                }
            }
            if (ci != null) {
                Map<String, Long> counts = new LinkedHashMap<>();
                counts.put("created", (long) created.size());
                counts.put("failed", (long) (edits.size() - created.size()));
                reportFailure = ci.finish(counts, null, (System.nanoTime() - start) / 1e9);
            }
        }
        if (format != OutputFormat.github) {
            Renderer.of(format, env.stdoutTerminal(), env.columns(), Views.POSITIONS).render(created, common.out());
        }
        common.out().flush();
        common.note(created.size() + " created" + (code != 0 ? ", " + (edits.size() - created.size()) + " failed" : ""));
        if (reportFailure != null) {
            common.err().println("posctl: " + reportFailure.getMessage() + "; the results on stdout are complete");
            return ExitCode.CONFIG;
        }
        return code;
    }

    /** The --report line of one edit, as update writes it. */
    private static ObjectNode outcome(Edit e, String status, String id, PosctlException failure) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", e.location() != null ? e.location().source() : null);
        o.put("line", e.location() != null ? e.location().line() : 0);
        o.put("document", e.location() != null ? e.location().document() : 0);
        o.put("user", e.userId());
        o.put("id", id);
        o.put("status", status);
        GraphError error = failure instanceof FailedCall f ? f.error() : null;
        o.put("httpStatus", error != null ? error.status() : 0);
        o.put("errorCode", error != null ? error.code() : null);
        o.put("requestId", error != null ? error.requestId() : null);
        if (failure != null) {
            o.put("error", failure.getMessage());
        }
        return o;
    }
}
