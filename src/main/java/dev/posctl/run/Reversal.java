package dev.posctl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.json.JsonTrees;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an undo adds to its operations: updates are sent as written (they hold whole before-values,
 * which a merge would mix with the current ones), and an update or delete goes ahead only where the
 * position still holds what the journal says the run wrote; elsewhere someone changed it since, and
 * that is a conflict, left alone unless forced.
 *
 * @param expected the fields as the run being undone wrote them, for one of the undo's operations (null: no check)
 * @param force    reverse a conflict too, overwriting the later change
 */
public record Reversal(Function<Operation, ObjectNode> expected, boolean force) {
    /** Changed fields shown in a conflict's message; the rest are counted. */
    private static final int SHOWN_CHANGES = 5;

    /**
     * A failed outcome when the position no longer holds what the run wrote (unless forced), else null.
     *
     * @param goal what the undo writes (null for a delete): a position already there is no conflict
     */
    Outcome conflict(Steps.Target t, JsonNode current, int readStatus, String requestId, ObjectNode goal) {
        ObjectNode wrote = expected.apply(t.op());
        if (wrote == null || force) {
            return null;
        }
        List<Merge.Change> drift = Merge.changes(current, wrote);
        // back at the values before already (a write that never landed, or reverted by hand): unchanged
        if (drift.isEmpty() || (goal != null && Merge.changes(current, goal).isEmpty())) {
            return null;
        }
        StringBuilder why = new StringBuilder("conflict: changed since posctl wrote it, left alone (--force reverses it anyway): ");
        for (int i = 0; i < Math.min(drift.size(), SHOWN_CHANGES); i++) {
            Merge.Change c = drift.get(i);
            why.append(i > 0 ? "; " : "").append(c.path()).append(": wrote ").append(shown(c.proposed()))
                .append(", now ").append(shown(c.current()));
        }
        if (drift.size() > SHOWN_CHANGES) {
            why.append("; and ").append(drift.size() - SHOWN_CHANGES).append(" more");
        }
        return new Outcome(t.op().location(), t.user(), t.id(), Outcome.Status.failed, readStatus,
            drift.stream().map(Merge.Change::path).collect(Collectors.toList()), current, "conflict", why.toString(), requestId,
            null, ExitCode.REJECTED);
    }

    /** A value for a message: the server's text is untrusted, so it is cut short (the printer escapes it). */
    private static String shown(JsonNode v) {
        String s = v == null || v.isNull() ? "(none)" : JsonTrees.compact(v);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
