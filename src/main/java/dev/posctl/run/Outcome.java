package dev.posctl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.FailedCall;
import dev.posctl.api.PositionService;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.GraphError;
import dev.posctl.http.GraphResponse;
import dev.posctl.input.Edit;
import dev.posctl.validate.Location;
import java.util.List;

/**
 * The outcome of one edit.
 *
 * @param httpStatus the status of the write, or of the read when nothing was written; 0 when no call answered
 * @param position   the resulting position (for unchanged, the current one)
 * @param request    for --dry-run, the request that would have been sent
 * @param exitCode   what this outcome means for the process exit code
 * @param before     for updated: the written fields' values as the merge read them (null: absent), so
 *                   that undo can put them back; null when the run did not read (--no-merge)
 * @param written    for updated: the fields the PATCH wrote, so that undo can tell a later change
 */
public record Outcome(Location source, String user, String id, Status status, int httpStatus, List<String> changed,
                           JsonNode position, String errorCode, String error, String requestId, ObjectNode request,
                           int exitCode, ObjectNode before, ObjectNode written) {

    public Outcome(Location source, String user, String id, Status status, int httpStatus, List<String> changed,
                        JsonNode position, String errorCode, String error, String requestId, ObjectNode request, int exitCode) {
        this(source, user, id, status, httpStatus, changed, position, errorCode, error, requestId, request, exitCode, null, null);
    }

    /**
     * unknown: sent, but its outcome could not be recorded in the journal (see {@link Run}), or a
     * create whose answer never came (it may or may not have been made)
     */
    public enum Status { updated, unchanged, failed, planned, skipped, unknown, created, deleted, notFound }

    public static Outcome failed(Location source, String user, String id, int httpStatus, String errorCode, String error,
                                      String requestId, int exitCode) {
        return new Outcome(source, user, id, Status.failed, httpStatus, List.of(), null, errorCode, error, requestId,
            null, exitCode);
    }

    /** A failure before or instead of an answer: a call that could not be made, or a bug (see {@link Sequence}). */
    public static Outcome failed(Edit edit, String id, PosctlException e) {
        if (e instanceof FailedCall) {
            // e.g. the list behind --current answered 401: the result names that status, not null
            GraphError g = ((FailedCall) e).error();
            return failed(edit.location(), edit.userId(), id, g.status(), g.code(), e.getMessage(), g.requestId(), e.exitCode());
        }
        return failed(edit.location(), edit.userId(), id, 0, null, e.getMessage(), null, e.exitCode());
    }

    /** The failure an error answer means. */
    static Outcome failed(Steps.Target t, GraphResponse r) {
        GraphError e = GraphError.of(r);
        return failed(t.op().location(), t.user(), t.id(), r.status(), e.code(), r.method() + " " + e.describe(),
            e.requestId(), PositionService.exitCode(e));
    }

    /** An edit a resumed run does not send again: the journal records it as done. */
    public static Outcome skipped(Location source, String user, String id) {
        return new Outcome(source, user, id, Status.skipped, 0, List.of(), null, null, null, null, null, 0);
    }

    /** This outcome, not recorded in the journal: a resumed run cannot know it and sends the edit again. */
    public Outcome unrecorded(String why) {
        return new Outcome(source, user, id, Status.unknown, httpStatus, changed, position, "notJournaled",
            status + ", but not recorded in the journal (" + why + "): a resumed run sends it again", requestId, request,
            ExitCode.CONFIG, before, written);
    }

    public boolean isFailure() {
        return status == Status.failed;
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("user", user);
        o.put("id", id);
        o.put("status", status.name());
        if (httpStatus > 0) {
            o.put("httpStatus", httpStatus);
        } else {
            o.putNull("httpStatus");
        }
        var arr = o.putArray("changed");
        changed.forEach(arr::add);
        if (source != null) {
            o.put("source", source.prefix());
        }
        if (errorCode != null) {
            o.put("errorCode", errorCode);
        }
        if (error != null) {
            o.put("error", error);
        }
        if (requestId != null) {
            o.put("requestId", requestId);
        }
        if (request != null) {
            o.set("request", request);
        }
        o.set("position", position);
        return o;
    }

    /** The line of a --report or --journal file: the outcome without the position. */
    public ObjectNode toReport() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", source != null ? source.source() : null);
        o.put("line", source != null ? source.line() : 0);
        o.put("document", source != null ? source.document() : 0);
        o.put("user", user);
        o.put("id", id);
        o.put("status", status.name());
        o.put("httpStatus", httpStatus);
        o.put("errorCode", errorCode);
        o.put("requestId", requestId);
        if (error != null) {
            o.put("error", error);
        }
        return o;
    }

    /**
     * Failures rank: a bug beats an interrupt beats unreachable beats auth beats rejected, so the exit
     * code names the worst; any other failure code ranks with rejected, so no failure ever exits 0.
     */
    public static int exitCode(List<Outcome> results) {
        int code = ExitCode.OK;
        for (Outcome r : results) {
            if (r.isFailure()) {
                code = worse(code, r.exitCode);
            }
        }
        return code;
    }

    public static int worse(int a, int b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(int code) {
        switch (code) {
            case ExitCode.OK: return 0;
            case ExitCode.INTERNAL: return 5;
            case ExitCode.INTERRUPTED: return 4;
            case ExitCode.UNREACHABLE: return 3;
            case ExitCode.AUTH: return 2;
            default: return 1;
        }
    }
}
