package dev.posctl.cli;

import dev.posctl.input.EditInputs;
import dev.posctl.input.InputSpool;
import dev.posctl.input.RealPaths;
import dev.posctl.output.OutputFormat;
import dev.posctl.run.Operation;
import dev.posctl.run.Sequence;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson, OutputFormat.github})
@Command(name = "update", sortOptions = false,
    description = {"Apply edits to positions with PATCH: one from flags, or any number from -f.",
        "Every edit is validated first; with any invalid edit nothing is sent (exit 3).",
        "Partial changes to complex fields (detail, company, manager) are merged into the current value, so nothing is lost.",
        "Many edits go out in JSON batches, several at once; --journal and --resume make long runs safe to interrupt."})
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
    BulkOptions bulk;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws InterruptedException {
        var env = common.env();
        bulk.check();
        OutputFormat format = output.resolve(env.stdoutTerminal());
        EditInputs inputs = input.toInputs(env, edit, !current);
        bulk.checkPaths(inputs.sources(), env.cwd());
        Map<String, String> sourceIds = RealPaths.sourceIds(inputs.sources());
        try (InputSpool spool = InputSpool.of(inputs.sources(), null)) {
            long total = EditValidation.requireValidCount(inputs, spool, common, format,
                EditValidation.Rejected.reporting(bulk, common, "posctl update" + (dryRun ? " --dry-run" : "")));
            EditInputs checked = inputs.withSources(spool.sources());
            return BulkWrite.run(common, bulk, endpoint, format, BulkWrite.Job.of(Operation.Kind.update, "posctl update" + (dryRun ? " --dry-run" : ""), total,
                name -> sourceIds.getOrDefault(name, name),
                (reread, each) -> checked.read(reread, env.stdin(), env::today, e -> each.accept(Operation.update(e))),
                new Sequence.Options(!noMerge, dryRun, showResult, current), bulk.journal == null ? null : bulk.journal.toString()));
        }
    }
}
