package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.posctl.input.Edit;
import dev.posctl.output.JsonRenderer;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import dev.posctl.update.Connection;
import dev.posctl.update.UpdateResult;
import dev.posctl.update.Updater;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "update", sortOptions = false,
    description = {"Apply edits to positions with PATCH: one from flags, or any number from -f.",
        "Every edit is validated first; with any invalid edit nothing is sent (exit 3).",
        "Partial changes to complex fields (detail, company, manager) are merged into the current value, so nothing is lost."})
public final class UpdateCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    EditOptions edit;

    @Option(names = "--current", description = "Update the user's current position (isCurrent: true) when no id is given.")
    boolean current;

    @Option(names = "--dry-run", description = "Send no writes: print the requests that would be sent.")
    boolean dryRun;

    @Option(names = "--no-merge", description = "Send each edit exactly as written, without reading the position first.")
    boolean noMerge;

    @Option(names = "--show-result", description = "When the endpoint answers 204, read the position back to show it.")
    boolean showResult;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var env = common.env();
        OutputFormat format = output.resolve(env.stdoutTerminal(),
            OutputOptions.of(OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson));
        List<Edit> edits = EditValidation.requireValid(input.toInputs(env, edit, !current), common);
        List<UpdateResult> results = new ArrayList<>();
        try (Connection connection = Connection.open(endpoint.settings(), env, common.err(), common.quiet)) {
            Updater updater = new Updater(connection.service(), new Updater.Options(!noMerge, dryRun, showResult, current));
            for (Edit e : edits) {
                UpdateResult r = updater.apply(e);
                results.add(r);
                if (r.isFailure()) {
                    common.err().println("posctl: " + (r.source() != null ? r.source().prefix() + ": " : "") + r.user() + " "
                        + (r.id() != null ? r.id() : "(no id)") + ": " + r.error());
                    common.err().flush();
                }
                if (format == OutputFormat.ndjson) {
                    common.out().println(JsonRenderer.compact(r.toJson()));
                    common.out().flush();
                }
            }
        }
        if (format != OutputFormat.ndjson) {
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            results.forEach(r -> arr.add(r.toJson()));
            if (dryRun && format == OutputFormat.table) {
                DryRunPrinter.print(results, common.out());
            } else {
                Renderer.of(format, env.stdoutTerminal(), env.columns(), Views.RESULTS).render(arr, common.out());
            }
        }
        common.note(summary(results));
        return UpdateResult.exitCode(results);
    }

    static String summary(List<UpdateResult> results) {
        int[] n = new int[UpdateResult.Status.values().length];
        results.forEach(r -> n[r.status().ordinal()]++);
        return String.format("%d updated, %d unchanged, %d failed%s", n[0], n[1], n[2],
            n[3] > 0 ? ", " + n[3] + " planned (dry run: nothing was written)" : "");
    }
}
