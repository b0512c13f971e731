package dev.posctl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.PositionAnswer;
import dev.posctl.api.PositionService;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.GraphPaths;
import dev.posctl.http.GraphResponse;
import dev.posctl.http.PathStyle;
import dev.posctl.input.Edit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The steps of an update: find the position, read it, merge, skip what would not change, and PATCH
 * the rest (or, in a dry run, say what would be sent).
 */
final class UpdateSteps implements Steps {
    private final PositionService service;
    private final Sequence.Options options;
    private final Reversal reversal;

    /** @param reversal for undo, else null */
    UpdateSteps(PositionService service, Sequence.Options options, Reversal reversal) {
        this.service = service;
        this.options = options;
        this.reversal = reversal;
    }

    /** Resolves {@code --current} when the edit names no id (a list call, whose answer is the merge base too). */
    @Override
    public Target target(Operation op) {
        Edit edit = op.edit();
        if (edit.id() == null && options.current()) {
            JsonNode position = service.current(edit.userId());
            String id = position.path("id").asText();
            return new Target(op, edit.userId(), id,
                new GraphResponse("GET", GraphPaths.relativePositions(edit.userId()), 200, position, null, null, 1));
        }
        return new Target(op, edit.userId(), edit.id(), null);
    }

    /** Where the merge step reads the position. */
    @Override
    public String readUrl(Target t) {
        if (!options.merge() || t.read() != null) {
            return null;
        }
        return GraphPaths.relativePosition(t.user(), t.id());
    }

    /** What a read (null when not merging) means for the edit: a result already, or a patch. */
    @Override
    public Plan plan(Target t, GraphResponse read) {
        Edit edit = t.op().edit();
        if (read == null && options.merge()) {
            read = t.read();
        }
        ObjectNode fields = edit.fields();
        JsonNode current = null;
        int readStatus = 0;
        if (read != null) {
            if (!read.ok()) {
                return new Plan(failure(t, read), null);
            }
            String unreadable = PositionAnswer.problem(read.body());
            if (unreadable == null && reversal == null) {
                unreadable = Merge.unmergeable(fields, read.body());
            }
            if (unreadable != null) {
                return new Plan(Outcome.failed(edit.location(), t.user(), t.id(), read.status(), null,
                    "cannot merge: the current position could not be read: " + unreadable, read.requestId(), ExitCode.REJECTED), null);
            }
            current = read.body();
            readStatus = read.status();
        }
        if (reversal != null && current != null) {
            Outcome conflict = reversal.conflict(t, current, readStatus, read.requestId(), edit.fields());
            if (conflict != null) {
                return new Plan(conflict, null);
            }
        }
        ObjectNode body = read != null && reversal == null ? Merge.body(fields, current) : fields;
        List<String> changed = Merge.changes(current, body).stream().map(Merge.Change::path).collect(Collectors.toList());
        if (read != null && changed.isEmpty()) {
            return new Plan(new Outcome(edit.location(), t.user(), t.id(), Outcome.Status.unchanged, readStatus,
                changed, current, null, null, null, null, 0), null);
        }
        String url = service.paths().relativeUpdate(t.user(), t.id());
        if (service.paths().style() == PathStyle.seed) {
            ObjectNode withId = JsonNodeFactory.instance.objectNode().put("id", t.id());
            withId.setAll(body);
            body = withId;
        }
        Write patch = new Write(t, "PATCH", url, body, changed, current);
        if (options.dryRun()) {
            return new Plan(new Outcome(edit.location(), t.user(), t.id(), Outcome.Status.planned, 0, changed,
                Merge.applied(current, body), null, null, null, Requests.shown(service, "PATCH", url, body), 0), null);
        }
        return new Plan(null, patch);
    }

    /** The result of a write. */
    @Override
    public Outcome finish(Write p, GraphResponse written) {
        Target t = p.target();
        if (!written.ok()) {
            return failure(t, written);
        }
        JsonNode position = written.body();
        // the write is done; an answer that is no position shows the merged state instead
        if (position == null || !position.isObject()) {
            position = options.showResult() ? readBack(t) : null;
            if (position == null) {
                position = Merge.applied(p.current(), p.body());
            }
        }
        return new Outcome(t.op().edit().location(), t.user(), t.id(), Outcome.Status.updated, written.status(),
            p.changed(), position, null, null, written.requestId(), null, 0, p.before(), p.written());
    }

    /** The position after the write, or null when it cannot be read: the write is done, and stays reported as done. */
    private JsonNode readBack(Target t) {
        try {
            return service.get(t.user(), t.id());
        } catch (PosctlException e) {
            return null;
        }
    }

    private static Outcome failure(Target t, GraphResponse r) {
        return Outcome.failed(t, r);
    }
}
