package dev.posctl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.PositionService;
import dev.posctl.core.ExitCode;
import dev.posctl.http.GraphError;
import dev.posctl.http.GraphPaths;
import dev.posctl.http.GraphResponse;
import dev.posctl.input.Edit;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a create: nothing to read, one POST. Its answer is the only place the new id is
 * told, so an answer that never came, or a 5xx after the request was sent, leaves the outcome
 * unknown (the position may exist): reported as such, never sent again blindly.
 */
final class CreateSteps implements Steps {
    private final PositionService service;
    private final boolean dryRun;
    private final boolean recreating;

    /** @param recreating undo: an operation naming the id of a deleted position is created again only where that one is gone */
    CreateSteps(PositionService service, boolean dryRun, boolean recreating) {
        this.service = service;
        this.dryRun = dryRun;
        this.recreating = recreating;
    }

    @Override
    public Target target(Operation op) {
        return new Target(op, op.user(), recreating ? op.edit().id() : null, null);
    }

    @Override
    public String readUrl(Target t) {
        return t.id() != null ? GraphPaths.relativePosition(t.user(), t.id()) : null;
    }

    @Override
    public Plan plan(Target t, GraphResponse read) {
        Edit edit = t.op().edit();
        if (read != null && read.status() != 404) {
            return new Plan(read.ok()
                ? new Outcome(edit.location(), t.user(), t.id(), Outcome.Status.unchanged, read.status(), List.of(), read.body(), null,
                    null, read.requestId(), null, 0)
                : Outcome.failed(t, read), null);
        }
        ObjectNode body = edit.fields();
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        String url = GraphPaths.relativePositions(t.user());
        if (dryRun) {
            return new Plan(new Outcome(edit.location(), t.user(), null, Outcome.Status.planned, 0, fields, body, null, null, null,
                Requests.shown(service, "POST", url, body), 0), null);
        }
        return new Plan(null, new Write(t, "POST", url, body, fields, null));
    }

    @Override
    public Outcome finish(Write w, GraphResponse answer) {
        Target t = w.target();
        if (answer.status() >= 500) {
            return unknown(w, "the server answered " + GraphError.of(answer).describe() + " after the request was sent",
                answer.status(), GraphError.of(answer).requestId());
        }
        if (!answer.ok()) {
            return Outcome.failed(t, answer);
        }
        JsonNode position = answer.body();
        String id = position != null && position.path("id").isTextual() ? position.get("id").asText() : null;
        return new Outcome(t.op().location(), t.user(), id, Outcome.Status.created, answer.status(), w.changed(),
            position != null && position.isObject() ? position : w.body(), null,
            id == null ? "created, but the answer names no id: undo cannot delete it" : null, answer.requestId(), null, 0,
            null, asStored(w.written(), position));
    }

    /**
     * What undo later expects to find: each field posctl sent, as the service answered it (it may
     * fill in or normalise values), so that only a later change reads as a conflict.
     */
    private static ObjectNode asStored(ObjectNode sent, JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return sent;
        }
        ObjectNode stored = sent.deepCopy();
        sent.fieldNames().forEachRemaining(name -> {
            if (answer.has(name)) {
                stored.set(name, answer.get(name).deepCopy());
            }
        });
        return stored;
    }

    /** A create that may or may not have been made: exit 4, and the way to find out. */
    static Outcome unknown(Write w, String what, int status, String requestId) {
        Target t = w.target();
        return new Outcome(t.op().location(), t.user(), null, Outcome.Status.unknown, status, w.changed(), null, "outcomeUnknown",
            "create for " + t.user() + ": " + what + "; the outcome is unknown: the position may or may not have been created:"
                + " check with posctl list --user " + t.user(), requestId, null, ExitCode.REJECTED);
    }
}
