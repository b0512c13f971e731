package dev.posctl.run;

import dev.posctl.api.PositionAnswer;
import dev.posctl.api.PositionService;
import dev.posctl.core.ExitCode;
import dev.posctl.http.GraphError;
import dev.posctl.http.GraphPaths;
import dev.posctl.http.GraphResponse;
import java.util.List;

/**
 * The steps of a delete. With {@code readFirst} (a journaled run) the position is read whole before
 * its DELETE, so that undo can create it again; one that cannot be read is not deleted. A position
 * already gone is {@code notFound}, not a failure: a repeated run must not fail on it.
 */
final class DeleteSteps implements Steps {
    private final PositionService service;
    private final boolean readFirst;
    private final boolean dryRun;
    private final Reversal reversal;

    /** @param reversal for undo (of a create: delete only what still holds what was created), else null */
    DeleteSteps(PositionService service, boolean readFirst, boolean dryRun, Reversal reversal) {
        this.service = service;
        this.readFirst = readFirst || reversal != null;
        this.dryRun = dryRun;
        this.reversal = reversal;
    }

    @Override
    public Target target(Operation op) {
        return new Target(op, op.user(), op.id(), null);
    }

    @Override
    public String readUrl(Target t) {
        return readFirst && (!dryRun || reversal != null) ? GraphPaths.relativePosition(t.user(), t.id()) : null;
    }

    @Override
    public Plan plan(Target t, GraphResponse read) {
        if (read != null) {
            if (read.status() == 404) {
                return new Plan(notFound(t, read), null);
            }
            if (!read.ok()) {
                return new Plan(Outcome.failed(t, read), null);
            }
            String problem = PositionAnswer.problem(read.body());
            if (problem != null) {
                return new Plan(Outcome.failed(t.op().location(), t.user(), t.id(), read.status(), null,
                    "not deleted: reading it first: " + problem, read.requestId(), ExitCode.REJECTED), null);
            }
            Outcome conflict = reversal == null ? null : reversal.conflict(t, read.body(), read.status(), read.requestId(), null);
            if (conflict != null) {
                return new Plan(conflict, null);
            }
        }
        String url = GraphPaths.relativePosition(t.user(), t.id());
        if (dryRun) {
            return new Plan(new Outcome(t.op().location(), t.user(), t.id(), Outcome.Status.planned, 0, List.of(), null, null, null,
                null, Requests.shown(service, "DELETE", url, null), 0), null);
        }
        return new Plan(null, new Write(t, "DELETE", url, null, List.of(), read == null ? null : read.body()));
    }

    @Override
    public Outcome finish(Write w, GraphResponse answer) {
        Target t = w.target();
        if (answer.status() == 404) {
            return notFound(t, answer);
        }
        if (!answer.ok()) {
            return Outcome.failed(t, answer);
        }
        return new Outcome(t.op().location(), t.user(), t.id(), Outcome.Status.deleted, answer.status(), List.of(), w.current(),
            null, null, answer.requestId(), null, 0);
    }

    private static Outcome notFound(Target t, GraphResponse r) {
        return new Outcome(t.op().location(), t.user(), t.id(), Outcome.Status.notFound, 404, List.of(), null,
            GraphError.of(r).code(), null, r.requestId(), null, 0);
    }
}
