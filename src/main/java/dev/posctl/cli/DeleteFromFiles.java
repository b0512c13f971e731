package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.posctl.core.ExitCode;
import dev.posctl.delete.DeleteTarget;
import dev.posctl.delete.DeleteTargets;
import dev.posctl.input.RealPaths;
import dev.posctl.input.Source;
import dev.posctl.input.SourceResolver;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import dev.posctl.run.Operation;
import dev.posctl.run.Sequence;
import dev.posctl.validate.Location;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code delete -f}: reads and checks every document, asks once, then deletes on the run engine. */
final class DeleteFromFiles {
    private final CommonOptions common;
    private final DeleteFileOptions options;
    private final EndpointOptions endpoint;
    private final boolean yes;

    DeleteFromFiles(CommonOptions common, DeleteFileOptions options, EndpointOptions endpoint, boolean yes) {
        this.common = common;
        this.options = options;
        this.endpoint = endpoint;
        this.yes = yes;
    }

    int run(OutputFormat format) throws IOException, InterruptedException {
        var env = common.env();
        List<Source> sources = new SourceResolver(env.cwd()).resolve(options.files);
        options.check(sources, env.cwd());
        boolean fromStdin = sources.stream().anyMatch(Source::isStdin);
        if (!yes && !options.dryRun && (!env.stdinTerminal() || fromStdin)) {
            throw new dev.posctl.core.PosctlException(ExitCode.USAGE, "refusing to delete without --yes when no one can be asked ("
                + (fromStdin ? "stdin holds the documents" : "stdin is not a terminal") + ")");
        }
        DeleteTargets.Read read = DeleteTargets.read(sources, env.stdin());
        read.warnings().forEach(w -> common.err().println("posctl: warning: " + w));
        if (!read.problems().isEmpty()) {
            read.problems().forEach(p -> common.err().println("posctl: " + p));
            common.err().println("posctl: nothing deleted: " + read.problems().size() + " problem" + (read.problems().size() == 1 ? "" : "s")
                + " in the input");
            common.err().flush();
            return ExitCode.INVALID_INPUT;
        }
        List<DeleteTarget> targets = read.targets();
        if (!yes && !options.dryRun) {
            long users = targets.stream().map(DeleteTarget::user).distinct().count();
            if (!DeleteCommand.confirmed(common, "delete " + targets.size() + " position" + (targets.size() == 1 ? "" : "s") + " of "
                + users + " user" + (users == 1 ? "" : "s") + "? [y/N] ")) {
                if (format != OutputFormat.table) {
                    Renderer.of(format, env.stdoutTerminal(), env.columns(), Views.RESULTS)
                        .render(JsonNodeFactory.instance.arrayNode(), common.out());
                }
                return ExitCode.INTERRUPTED;
            }
        }
        Map<String, String> sourceIds = RealPaths.sourceIds(sources);
        BulkOptions bulk = options.bulk;
        return BulkWrite.run(common, bulk, endpoint, format, BulkWrite.Job.of(Operation.Kind.delete, "posctl delete" + (options.dryRun ? " --dry-run" : ""),
            targets.size(), name -> sourceIds.getOrDefault(name, name),
            (reread, each) -> targets.forEach(t -> each.accept(Operation.delete(t.user(), t.id(), new Location(t.source(), t.line(), 0, 0)))),
            new Sequence.Options(false, options.dryRun, false, false), bulk.journal == null ? null : bulk.journal.toString()));
    }
}
