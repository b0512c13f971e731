package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.posctl.api.Connection;
import dev.posctl.core.ExitCode;
import dev.posctl.delete.BulkDeleter;
import dev.posctl.delete.DeleteResult;
import dev.posctl.delete.DeleteTarget;
import dev.posctl.delete.DeleteTargets;
import dev.posctl.http.BatchClient;
import dev.posctl.input.Source;
import dev.posctl.input.SourceResolver;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import dev.posctl.output.TerminalText;
import dev.posctl.input.RealPaths;
import dev.posctl.update.Journal;
import dev.posctl.update.NdjsonAppender;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code delete -f}: reads and checks every document, asks once, then deletes in batches. */
final class DeleteFromFiles {
    static final List<String> COLUMNS = List.of("user|USER", "id|ID", "status|STATUS", "httpStatus|HTTP", "source|SOURCE",
        "error|ERROR", "requestId|REQUEST-ID");

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
        Renderer renderer = Renderer.of(format, env.stdoutTerminal(), env.columns(), COLUMNS);
        if (options.dryRun) {
            return dryRun(targets, format == OutputFormat.table ? null : renderer);
        }
        if (!yes) {
            long users = targets.stream().map(DeleteTarget::user).distinct().count();
            if (!DeleteCommand.confirmed(common, "delete " + targets.size() + " position" + (targets.size() == 1 ? "" : "s") + " of "
                + users + " user" + (users == 1 ? "" : "s") + "? [y/N] ")) {
                if (format != OutputFormat.table) {
                    renderer.render(JsonNodeFactory.instance.arrayNode(), common.out());
                }
                return ExitCode.INTERRUPTED;
            }
        }
        List<DeleteResult> results = Collections.synchronizedList(new ArrayList<>());
        boolean interrupted = false;
        String reportFailure = null;
        Map<String, String> sourceIds = RealPaths.sourceIds(sources);
        java.util.concurrent.atomic.AtomicReference<String> journalFailure = new java.util.concurrent.atomic.AtomicReference<>();
        try (Connection c = endpoint.open(common);
             Journal journal = options.journal == null ? null : Journal.open(env.cwd().resolve(options.journal), options.resume);
             NdjsonAppender report = options.report == null ? null : new NdjsonAppender(env.cwd().resolve(options.report), false, false)) {
            if (journal != null && options.resume) {
                int before = targets.size();
                targets = targets.stream().filter(t -> !journal.isDone(key(sourceIds, t))).toList();
                if (before > targets.size()) {
                    common.note("posctl: " + (before - targets.size()) + " of " + before + " already done (journal " + options.journal
                        + "): not sent again");
                }
            }
            BatchClient batch = new BatchClient(c.service().client(), c.service().paths(), endpoint.settings().http(), env.clock());
            BulkDeleter deleter = new BulkDeleter(c.service(), batch,
                new BulkDeleter.Options(options.concurrency, options.batchSize, options.failFast, journal != null),
                new BulkDeleter.Listener() {
                    @Override
                    public void deleting(DeleteTarget t, com.fasterxml.jackson.databind.JsonNode position) {
                        journal.intendDelete(key(sourceIds, t), t.source(), t.line(), t.user(), t.id(), position);
                    }

                    @Override
                    public void result(DeleteResult r) {
                        results.add(r);
                        DeleteTarget t = r.target();
                        if (r.isFailure()) {
                            common.editFailed(null, t.where(), "delete position " + t.id() + " of " + t.user() + ": " + r.error());
                        }
                        if (journal != null) {
                            try {
                                journal.recordDelete(key(sourceIds, t), t.source(), t.line(), t.user(), t.id(), r.status().name(),
                                    r.httpStatus(), r.requestId(), r.error());
                            } catch (dev.posctl.core.PosctlException e) {
                                // the deleting line is there: a resumed run reads the position again and finds it gone
                                journalFailure.compareAndSet(null, e.getMessage());
                            }
                        }
                        if (report != null) {
                            report.write(r.toReport());
                        }
                    }
                });
            Interrupts interrupts = env.isRealProcess() ? Interrupts.install(deleter::stop,
                () -> common.note("\nposctl: stopping: finishing the requests in flight (Ctrl-C again to abort)"),
                () -> {
                    common.err().println("\nposctl: aborted: deletes in flight may or may not have been done"
                        + (journal != null ? "; run again with --resume to finish them" : ""));
                    common.err().flush();
                }) : null;
            try {
                deleter.run(targets);
            } catch (InterruptedException e) {
                interrupted = true;
            } finally {
                if (interrupts != null) {
                    interrupted |= interrupts.interrupted();
                    interrupts.close();
                }
            }
            if (report != null) {
                report.flush();
                reportFailure = report.failure() == null ? null : report.failure().getMessage();
            }
        }
        if (journalFailure.get() != null) {
            common.err().println("posctl: journal: " + journalFailure.get() + "; it holds each position as read before its DELETE");
        }
        int code = finish(targets, results, renderer, interrupted, reportFailure);
        return code == ExitCode.OK && journalFailure.get() != null ? ExitCode.CONFIG : code;
    }

    private static long key(Map<String, String> sourceIds, DeleteTarget t) {
        return Journal.deleteKey(sourceIds.getOrDefault(t.source(), t.source()), t.line(), t.user(), t.id());
    }

    private int finish(List<DeleteTarget> targets, List<DeleteResult> results, Renderer renderer, boolean interrupted,
                       String reportFailure) {
        // workers finish in any order: the output follows the input
        Map<DeleteTarget, Integer> order = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            order.putIfAbsent(targets.get(i), i);
        }
        List<DeleteResult> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> Integer.compare(order.get(a.target()), order.get(b.target())));
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        int code = ExitCode.OK;
        Map<DeleteResult.Status, Integer> counts = new java.util.EnumMap<>(DeleteResult.Status.class);
        for (DeleteResult r : sorted) {
            rows.add(r.toJson());
            counts.merge(r.status(), 1, Integer::sum);
            if (r.isFailure()) {
                code = DeleteResult.worse(code, r.exitCode());
            }
        }
        renderer.render(rows, common.out());
        common.out().flush();
        int unsent = targets.size() - sorted.size();
        common.note(counts.getOrDefault(DeleteResult.Status.deleted, 0) + " deleted, " + counts.getOrDefault(DeleteResult.Status.notFound, 0)
            + " not found, " + counts.getOrDefault(DeleteResult.Status.failed, 0) + " failed"
            + (unsent > 0 ? ", " + unsent + " not sent" + (options.failFast && !interrupted ? " (--fail-fast)" : "") : ""));
        if (reportFailure != null) {
            common.err().println("posctl: cannot write the report: " + reportFailure);
        }
        if (interrupted) {
            common.err().println("posctl: interrupted");
            return ExitCode.INTERRUPTED;
        }
        if (reportFailure != null && code == ExitCode.OK) {
            return ExitCode.CONFIG;
        }
        return code;
    }

    /**
     * The requests as they would go, one by one (with more than one target they would travel inside
     * $batch requests): as text on a terminal, as planned results with their request for a machine.
     */
    private int dryRun(List<DeleteTarget> targets, Renderer machine) {
        com.fasterxml.jackson.databind.node.ArrayNode rows = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        try (Connection c = endpoint.open(common)) {
            for (DeleteTarget t : targets) {
                String url = c.service().paths().position(t.user(), t.id()).toString();
                java.util.Map<String, String> headers = c.service().client().headers(dev.posctl.core.RequestIds.next(), false, true);
                if (machine != null) {
                    var row = rows.addObject().put("user", t.user()).put("id", t.id()).put("status", "planned").put("source", t.where());
                    var request = row.putObject("request").put("method", "DELETE").put("url", url);
                    headers.forEach(request.putObject("headers")::put);
                    continue;
                }
                common.out().println(TerminalText.escape("DELETE " + url));
                headers.forEach((k, v) -> common.out().println(TerminalText.escape(k + ": " + v)));
                common.out().println();
            }
        }
        if (machine != null) {
            machine.render(rows, common.out());
        }
        common.out().flush();
        int batches = (targets.size() + options.batchSize - 1) / options.batchSize;
        common.note("posctl: dry run: " + targets.size() + " DELETE request" + (targets.size() == 1 ? "" : "s") + " not sent"
            + (targets.size() > 1 ? " (they would go in " + batches + " $batch request" + (batches == 1 ? "" : "s") + ")" : ""));
        return ExitCode.OK;
    }
}
