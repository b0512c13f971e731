package dev.posctl.cli;

import dev.posctl.api.Connection;
import dev.posctl.core.PosctlException;
import dev.posctl.input.EditInputs;
import dev.posctl.input.InputSpool;
import dev.posctl.input.RealPaths;
import dev.posctl.output.OutputFormat;
import dev.posctl.update.Journal;
import dev.posctl.update.NdjsonAppender;
import dev.posctl.update.RunTally;
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
            long total = EditValidation.requireValidCount(inputs, spool, common, format);
            inputs = inputs.withSources(spool.sources());
            RunTally tally = new RunTally();
            tally.total(total);
            boolean interrupted;
            ResultPrinter printer;
            SendRun run;
            PosctlException ciFailure;
            Connection.Settings settings = endpoint.settings();
            try (Connection connection = Connection.open(settings, env, common.local(), common.err(), common.quiet);
                 Journal journal = bulk.journal == null ? null : Journal.open(env.cwd().resolve(bulk.journal), bulk.resume);
                 NdjsonAppender report = bulk.report == null || bulk.reportFormat != BulkOptions.ReportFormat.ndjson ? null
                     : new NdjsonAppender(env.cwd().resolve(bulk.report), false, false);
                 CiReports ci = CiReports.open(bulk, common, "posctl update" + (dryRun ? " --dry-run" : ""))) {
                // made once the files are open: -o json's '[' must not be printed for a run that cannot start
                printer = new ResultPrinter(format, common.out(), env.stdoutTerminal(), env.columns());
                run = new SendRun(common, bulk, tally, printer, name -> sourceIds.getOrDefault(name, name)).reportingTo(ci);
                interrupted = run.send(inputs, connection, settings.http(), journal, report,
                    new dev.posctl.update.Updater.Options(!noMerge, dryRun, showResult, current));
                ciFailure = ci == null ? null : ci.finish(tally);
            }
            String note = printer.finish(dryRun);
            if (note != null) {
                common.note("posctl: " + note);
            }
            long unchanged = tally.count(dev.posctl.update.UpdateResult.Status.unchanged);
            if (unchanged > 0) {
                // otherwise a dry run that shows no request leaves people guessing why
                common.note(unchanged == tally.done() && unchanged == 1 ? "posctl: nothing to send: the position already has these values"
                    : "posctl: nothing to send for " + unchanged + " unchanged edit" + (unchanged == 1 ? ": its position already has"
                    : "s: their positions already have") + " these values");
            }
            common.note(tally.summary());
            return run.ending(printer, interrupted, "the run", "the journal",
                "run again with --resume to finish" + (bulk.journal == null ? " (use --journal next time)" : ""), ciFailure);
        }
    }
}
