package dev.posctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.Connection;
import dev.posctl.apply.Planner;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.input.Edit;
import dev.posctl.input.EditInputs;
import dev.posctl.input.OverlayBuilder;
import dev.posctl.input.SourceResolver;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import dev.posctl.schema.Schema;
import dev.posctl.run.Merge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson})
@Command(name = "apply", sortOptions = false,
    description = {"Plan how to bring users' positions to the state that user documents (as export writes them) describe."
        + " Sends no writes: only --plan is available yet.",
        "Desired positions match current ones by id, else by the --match fields. Exit 0 when nothing would change, 1 when something would."})
public final class ApplyCommand implements Callable<Integer> {
    static final List<String> VIEW = List.of("action|ACTION", "user|USER", "id|ID", "path|FIELD", "current|CURRENT", "new|NEW",
        "source|SOURCE");

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "PATH",
        description = "User documents ({userId, positions}) or edits to read: a .json, .ndjson/.jsonl or .yaml/.yml file,"
            + " a directory of them, or - for stdin. Repeatable.")
    List<String> files = new ArrayList<>();

    @Option(names = "--plan", description = "Print what would be created, updated and deleted; send nothing.")
    boolean plan;

    @Option(names = "--prune", description = "Plan to delete a named user's current positions that no document describes.")
    boolean prune;

    @Option(names = "--match", paramLabel = "FIELD,...", split = ",",
        description = "Fields that match a desired position without id to a current one (default: ${DEFAULT-VALUE}).")
    List<String> match = new ArrayList<>(Planner.DEFAULT_MATCH);

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (!plan) {
            throw new PosctlException(ExitCode.USAGE,
                "apply without --plan is not available yet: run the plan, then update/create/delete");
        }
        Schema schema = Schema.get();
        for (String field : match) {
            if (schema.resolve(field) == null) {
                throw new PosctlException(ExitCode.USAGE, "--match: " + field + " is not a workPosition field (posctl schema lists them)");
            }
        }
        var env = common.env();
        OutputFormat format = output.resolve(env.stdoutTerminal());
        EditInputs inputs = new EditInputs(schema, new SourceResolver(env.cwd()).resolve(files), new OverlayBuilder(schema), false)
            .acceptingUserDocuments();
        Map<String, List<Edit>> desired = new LinkedHashMap<>();
        List<Edit> edits = EditValidation.requireValid(inputs, common, format, user -> desired.computeIfAbsent(user, u -> new ArrayList<>()));
        for (Edit e : edits) {
            desired.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e);
        }
        Map<String, List<JsonNode>> current = new LinkedHashMap<>();
        List<Planner.Step> steps;
        try (Connection c = endpoint.open(common)) {
            steps = new Planner(match, prune).plan(desired, user -> current.computeIfAbsent(user, c.service()::list));
        }
        ArrayNode rows = rows(steps);
        Renderer.of(format, env.stdoutTerminal(), env.columns(), VIEW).render(rows, common.out());
        common.out().flush();
        long changing = steps.stream().filter(s -> s.action() != Planner.Action.keep).count();
        long left = current.values().stream().mapToLong(List::size).sum()
            - steps.stream().filter(s -> s.current() != null).count();
        common.note(summary(steps) + (left > 0 ? "; " + left + " current position" + (left == 1 ? " is" : "s are")
            + " in no document and left alone (--prune deletes them)" : "") + "; nothing was sent");
        return changing == 0 ? ExitCode.OK : ExitCode.DIFFERENCES;
    }

    private static String summary(List<Planner.Step> steps) {
        StringBuilder b = new StringBuilder("plan:");
        for (Planner.Action a : Planner.Action.values()) {
            long n = steps.stream().filter(s -> s.action() == a).count();
            b.append(a == Planner.Action.create ? " " : ", ").append(n).append(" to ").append(a);
        }
        return b.toString();
    }

    /** One row per changed field of an update, one per create, keep and delete. */
    private static ArrayNode rows(List<Planner.Step> steps) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (Planner.Step s : steps) {
            if (s.action() == Planner.Action.update) {
                for (Merge.Change ch : s.changes()) {
                    ObjectNode row = row(rows, s);
                    row.put("path", ch.path());
                    row.set("current", ch.current());
                    row.set("new", ch.proposed());
                }
                continue;
            }
            ObjectNode row = row(rows, s);
            if (s.action() == Planner.Action.create) {
                row.set("new", s.desired());
            } else if (s.action() == Planner.Action.delete) {
                row.set("current", s.current());
            }
        }
        return rows;
    }

    private static ObjectNode row(ArrayNode rows, Planner.Step s) {
        ObjectNode row = rows.addObject();
        row.put("action", s.action().name());
        row.put("user", s.user());
        if (s.id() != null) {
            row.put("id", s.id());
        }
        if (s.source() != null) {
            row.put("source", s.source().prefix());
        }
        return row;
    }
}
