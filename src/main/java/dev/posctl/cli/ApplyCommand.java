package dev.posctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.api.Connection;
import dev.posctl.apply.CurrentPositions;
import dev.posctl.apply.InDoubtCreates;
import dev.posctl.apply.PlanOperations;
import dev.posctl.apply.Planner;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.BatchClient;
import dev.posctl.input.Edit;
import dev.posctl.input.EditInputs;
import dev.posctl.input.OverlayBuilder;
import dev.posctl.input.RealPaths;
import dev.posctl.input.Source;
import dev.posctl.input.SourceResolver;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import dev.posctl.run.Operation;
import dev.posctl.run.Outcome;
import dev.posctl.run.Sequence;
import dev.posctl.schema.Schema;
import dev.posctl.validate.CreateRules;
import dev.posctl.validate.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson, OutputFormat.github})
@Command(name = "apply", sortOptions = false,
    description = {"Bring users' positions to the state that user documents (as export writes them) describe:"
        + " create what is missing, update what differs, and with --prune delete what no document describes.",
        "Desired positions match current ones by id, else by the --match fields. --plan prints the plan and sends nothing"
            + " (exit 0 when nothing would change, 1 when something would).",
        "The plan runs as update does, with --journal, --resume, --report and undo; a plan that deletes more than --max-deletes"
            + " positions is refused unless --yes (on a terminal, it is shown and you are asked)."})
public final class ApplyCommand implements Callable<Integer> {
    @Option(names = {"-f", "--file"}, required = true, paramLabel = "PATH",
        description = "User documents ({userId, positions}) or edits to read: a .json, .ndjson/.jsonl or .yaml/.yml file,"
            + " a directory of them, or - for stdin. Repeatable.")
    List<String> files = new ArrayList<>();

    @Option(names = "--plan", description = "Print what would be created, updated and deleted; send nothing.")
    boolean plan;

    @Option(names = "--prune", description = "Delete a named user's current positions that no document describes.")
    boolean prune;

    @Option(names = "--match", paramLabel = "FIELD,...", split = ",",
        description = "Fields that match a desired position without id to a current one (default: ${DEFAULT-VALUE}).")
    List<String> match = new ArrayList<>(Planner.DEFAULT_MATCH);

    @Option(names = "--max-deletes", paramLabel = "N", defaultValue = "10",
        description = "Refuse a plan that deletes more than N positions, before any request, unless --yes (default: ${DEFAULT-VALUE}).")
    int maxDeletes;

    @Option(names = {"-y", "--yes"}, description = "Run a plan that deletes more than --max-deletes positions without asking.")
    boolean yes;

    @Option(names = "--dry-run", description = "Send no writes: print the requests the plan would send.")
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
    public Integer call() throws InterruptedException, IOException {
        var env = common.env();
        if (maxDeletes < 0) {
            throw new PosctlException(ExitCode.USAGE, "--max-deletes must be 0 or more, got " + maxDeletes);
        }
        if (plan && (dryRun || bulk.journal != null || bulk.send.report != null)) {
            throw new PosctlException(ExitCode.USAGE, "--plan sends nothing and keeps no journal or report: leave out "
                + (dryRun ? "--dry-run" : bulk.journal != null ? "--journal" : "--report") + ", or --plan to run the plan");
        }
        bulk.check();
        Schema schema = Schema.get();
        for (String field : match) {
            if (schema.resolve(field) == null) {
                throw new PosctlException(ExitCode.USAGE, "--match: " + field + " is not a workPosition field (posctl schema lists them)");
            }
        }
        OutputFormat format = output.resolve(env.stdoutTerminal());
        List<Source> sources = new SourceResolver(env.cwd()).resolve(files);
        bulk.checkPaths(sources, env.cwd());
        EditInputs inputs = new EditInputs(schema, sources, new OverlayBuilder(schema), false).acceptingUserDocuments();
        EditValidation.Rejected rejected = plan ? problems -> { } : EditValidation.Rejected.reporting(bulk, common, "posctl apply");
        // told from the parsing threads of a large NDJSON input, in no set order
        Set<String> users = ConcurrentHashMap.newKeySet();
        List<Edit> edits = EditValidation.requireValid(inputs, common, format, users::add, rejected);
        Map<String, List<Edit>> desired = new LinkedHashMap<>();
        for (Edit e : edits) {
            desired.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e);
        }
        // users whose documents list no position: all of theirs go (with --prune), in a stable order
        users.stream().filter(u -> !desired.containsKey(u)).sorted().forEach(u -> desired.put(u, new ArrayList<>()));
        Map<String, List<JsonNode>> current;
        try (Connection c = endpoint.open(common)) {
            BatchClient batch = new BatchClient(c.service().client(), c.service().paths(), endpoint.settings().http(), env.clock());
            current = CurrentPositions.read(c.service(), batch, bulk.send.concurrency, desired.keySet());
        }
        List<Planner.Step> steps = new Planner(match, prune).plan(desired, user -> current.getOrDefault(user, List.of()));
        long left = current.values().stream().mapToLong(List::size).sum() - steps.stream().filter(s -> s.current() != null).count();
        String summary = ApplyPlanView.summary(steps) + (left > 0 ? "; " + left + " current position" + (left == 1 ? " is" : "s are")
            + " in no document and left alone (--prune deletes them)" : "");
        if (plan) {
            if (format == OutputFormat.github) {
                ApplyPlanView.github(steps, common.out());
            } else {
                Renderer.of(format, env.stdoutTerminal(), env.columns(), ApplyPlanView.VIEW).render(ApplyPlanView.rows(steps, true), common.out());
            }
            common.out().flush();
            common.note(summary + "; nothing was sent");
            boolean changing = steps.stream().anyMatch(s -> s.action() != Planner.Action.keep);
            return changing ? ExitCode.DIFFERENCES : ExitCode.OK;
        }
        return run(steps, sources, format, summary);
    }

    private int run(List<Planner.Step> steps, List<Source> sources, OutputFormat format, String summary)
        throws InterruptedException, IOException {
        var env = common.env();
        List<Problem> problems = new ArrayList<>();
        for (Planner.Step s : steps) {
            if (s.action() == Planner.Action.create) {
                problems.addAll(CreateRules.check(s.desired(), s.source(), false));
            }
        }
        EditValidation.require(problems, common, format, EditValidation.Rejected.reporting(bulk, common, "posctl apply"));
        if (!confirmedDeletes(steps, sources)) {
            if (format != OutputFormat.table && format != OutputFormat.github) {
                Renderer.of(format, env.stdoutTerminal(), env.columns(), Views.RESULTS)
                    .render(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode(), common.out());
            }
            return ExitCode.INTERRUPTED;
        }
        Map<String, String> ids = RealPaths.sourceIds(sources);
        Function<String, String> sourceIds = name -> ids.getOrDefault(name, name);
        if (bulk.resume && !dryRun) {
            InDoubtCreates.Settled settled = InDoubtCreates.settle(env.cwd().resolve(bulk.journal), bulk.journal.toString(), steps, sourceIds);
            if (settled.landed() + settled.missing() > 0) {
                common.note("posctl: resuming: of the creates the earlier run sent without hearing back, " + settled.landed()
                    + " exist (recorded in the journal for undo) and " + settled.missing() + " do not (created now)");
            }
        }
        common.note(summary);
        List<Operation> ops = PlanOperations.of(steps);
        String journalOption = bulk.journal == null ? null : bulk.journal.toString();
        return BulkWrite.run(common, bulk, endpoint, format, new BulkWrite.Job("posctl apply" + (dryRun ? " --dry-run" : ""),
            List.of(Outcome.Status.created, Outcome.Status.updated, Outcome.Status.deleted), ops.size(), sourceIds,
            (reread, each) -> ops.forEach(each), new Sequence.Options(true, dryRun, false, false), null, List.of(), "the run",
            "the journal", "run the same apply again with --resume to finish" + (journalOption == null ? " (use --journal next time)" : ""),
            ""));
    }

    /**
     * More deletes than --max-deletes go ahead only with --yes, or when someone at a terminal has seen
     * the plan and said yes; a pipe or a script is never asked, it is refused before any request.
     */
    private boolean confirmedDeletes(List<Planner.Step> steps, List<Source> sources) throws IOException {
        long deletes = ApplyPlanView.count(steps, Planner.Action.delete);
        if (deletes <= maxDeletes || yes || dryRun) {
            return true;
        }
        var env = common.env();
        String what = "the plan deletes " + deletes + " positions, more than --max-deletes " + maxDeletes;
        if (!env.stdinTerminal() || !env.stderrTerminal() || sources.stream().anyMatch(Source::isStdin)) {
            throw new PosctlException(ExitCode.USAGE, what + ": nothing was sent; check them with apply --plan --prune,"
                + " then allow them with --max-deletes " + deletes + " or --yes");
        }
        Renderer.of(OutputFormat.table, true, env.columns(), ApplyPlanView.VIEW).render(ApplyPlanView.rows(steps, false), common.err());
        common.err().print("posctl: " + what + ". " + ApplyPlanView.summary(steps) + ". Apply it? [y/N] ");
        common.err().flush();
        String answer = new BufferedReader(new InputStreamReader(env.stdin(), StandardCharsets.UTF_8)).readLine();
        if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).matches("y|yes")) {
            common.err().println("posctl: nothing applied");
            common.err().flush();
            return false;
        }
        return true;
    }
}
