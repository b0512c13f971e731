package dev.posctl.delete;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;

/** What became of one delete: the table/json row and the --report line share this shape. */
public record DeleteResult(DeleteTarget target, Status status, int httpStatus, String errorCode, String error, String requestId,
                           int exitCode) {
    /** notFound is not a failure: the position is gone, as asked, and a repeated run must not fail on it. */
    public enum Status { deleted, notFound, failed, planned }

    public static DeleteResult failed(DeleteTarget t, int httpStatus, String errorCode, String error, String requestId, int exitCode) {
        return new DeleteResult(t, Status.failed, httpStatus, errorCode, error, requestId, exitCode);
    }

    public boolean isFailure() {
        return status == Status.failed;
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("user", target.user());
        o.put("id", target.id());
        o.put("status", status.name());
        o.put("httpStatus", httpStatus);
        o.put("source", target.where());
        o.put("error", error);
        o.put("requestId", requestId);
        return o;
    }

    /** The --report line, as update writes its own (UpdateResult.toReport). */
    public ObjectNode toReport() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", target.source());
        o.put("line", target.line());
        o.put("user", target.user());
        o.put("id", target.id());
        o.put("status", status.name());
        o.put("httpStatus", httpStatus);
        o.put("errorCode", errorCode);
        o.put("requestId", requestId);
        if (error != null) {
            o.put("error", error);
        }
        return o;
    }

    /** The worse of two exit codes, so a run's code names its worst failure and never 0 with one. */
    public static int worse(int a, int b) {
        return dev.posctl.update.UpdateResult.worse(a, b == ExitCode.OK ? ExitCode.REJECTED : b);
    }
}
