package dev.posctl.cli;

import dev.posctl.input.Edit;
import dev.posctl.input.EditInputs;
import dev.posctl.input.RealPaths;
import dev.posctl.output.OutputFormat;
import dev.posctl.run.Operation;
import dev.posctl.run.Sequence;
import dev.posctl.validate.CreateRules;
import dev.posctl.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson, OutputFormat.github})
@Command(name = "create", sortOptions = false,
    description = {"Create positions with POST: one from flags, or any number from -f. The service assigns the ids.",
        "Every document is validated first; with any invalid one nothing is sent (exit 3).",
        "Many go out in JSON batches, several at once; a create whose answer never came is reported as unknown (it may exist),"
            + " never sent again: --journal and --resume make long runs safe to interrupt, and undo deletes what a run created."})
public final class CreateCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @Mixin
    EditOptions edit;

    @Option(names = "--ignore-ids", description = "Create new positions from documents that name an id (the id is not sent); without it such a document is refused, as it was most likely meant for update.")
    boolean ignoreIds;

    @Option(names = "--dry-run", description = "Send nothing: print the POST requests that would be sent.")
    boolean dryRun;

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
        EditInputs inputs = input.toInputs(env, edit, false);
        bulk.checkPaths(inputs.sources(), env.cwd());
        EditValidation.Rejected rejected = EditValidation.Rejected.reporting(bulk, common, "posctl create" + (dryRun ? " --dry-run" : ""));
        List<Edit> edits = EditValidation.requireValidReporting(inputs, common, format, rejected);
        List<Problem> problems = new ArrayList<>();
        for (Edit e : edits) {
            problems.addAll(CreateRules.check(e.body(), e.location(), ignoreIds));
        }
        EditValidation.require(problems, common, format, rejected);
        Map<String, String> sourceIds = RealPaths.sourceIds(inputs.sources());
        return BulkWrite.run(common, bulk, endpoint, format, BulkWrite.Job.of(Operation.Kind.create, "posctl create" + (dryRun ? " --dry-run" : ""),
            edits.size(), name -> sourceIds.getOrDefault(name, name),
            (reread, each) -> edits.forEach(e -> each.accept(Operation.create(e))),
            new Sequence.Options(false, dryRun, false, false), bulk.journal == null ? null : bulk.journal.toString()));
    }
}
