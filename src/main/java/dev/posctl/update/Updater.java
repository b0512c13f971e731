package dev.posctl.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.FailedCall;
import dev.posctl.api.PositionAnswer;
import dev.posctl.api.PositionService;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.core.RequestIds;
import dev.posctl.http.GraphError;
import dev.posctl.http.GraphPaths;
import dev.posctl.http.GraphResponse;
import dev.posctl.http.PathStyle;
import dev.posctl.input.Edit;
import dev.posctl.json.JsonTrees;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies one edit: finds the position, reads it, merges, skips what would not change, and
 * PATCHes the rest (or, in a dry run, says what it would send). The steps are public so that
 * bulk runs can do the reads and the writes of many edits in JSON batches.
 */
public final class Updater {
    /**
     * @param merge      read the position first and complete partial complex values (off: send as written)
     * @param showResult after a 204, read the position back instead of showing the merged state
     */
    public record Options(boolean merge, boolean dryRun, boolean showResult, boolean current) {}

    /**
     * Which position an edit addresses.
     *
     * @param read the position as already read (found by {@code --current} in the list), or null
     */
    public record Target(Edit edit, String user, String id, GraphResponse read) {}

    /** A write to make: the request ({@code url} relative to the version root) and what it changes. */
    public record Patch(Target target, String url, ObjectNode body, List<String> changed, JsonNode current) {
        /** What undo puts back: the current value of every field the body writes; null without a read. */
        public ObjectNode before() {
            if (current == null) {
                return null;
            }
            ObjectNode before = JsonNodeFactory.instance.objectNode();
            written().fieldNames().forEachRemaining(name -> {
                JsonNode was = current.get(name);
                before.set(name, was == null ? JsonNodeFactory.instance.nullNode() : was.deepCopy());
            });
            return before;
        }

        /** The body without the addressing id the seed path style adds. */
        public ObjectNode written() {
            ObjectNode w = body.deepCopy();
            w.remove("id");
            return w;
        }
    }

    /** The outcome of planning: either a finished result or a patch to send. */
    public record Plan(UpdateResult done, Patch patch) {}

    /**
     * What an undo adds to an update: its edits are sent as written (they hold whole before-values,
     * which a merge would mix with the current ones), and only where the position still holds what
     * the journal says was written; elsewhere someone changed it since, and that is a conflict.
     *
     * @param expected the fields as written by the run being undone, for one of the undo's edits
     * @param force    reverse a conflict too, overwriting the later change
     */
    public record Reversal(Function<Edit, ObjectNode> expected, boolean force) {}

    /** Changed fields shown in a conflict's message; the rest are counted. */
    private static final int SHOWN_CHANGES = 5;

    private final PositionService service;
    private final Options options;
    private final Reversal reversal;

    public Updater(PositionService service, Options options) {
        this(service, options, null);
    }

    /** @param reversal for undo, else null */
    public Updater(PositionService service, Options options, Reversal reversal) {
        this.service = service;
        this.options = options;
        this.reversal = reversal;
    }

    public Options options() {
        return options;
    }

    /** The whole update of one edit, one request at a time. */
    public UpdateResult apply(Edit edit) {
        return apply(edit, p -> { });
    }

    /** @param beforeWrite told of the write just before it is sent; what it throws stops the write */
    public UpdateResult apply(Edit edit, Consumer<Patch> beforeWrite) {
        Target target;
        try {
            target = target(edit);
        } catch (PosctlException e) {
            return failed(edit, edit.id(), e);
        }
        try {
            Plan plan = plan(target, options.merge() ? read(target) : null);
            if (plan.done() != null) {
                return plan.done();
            }
            if (!options.dryRun()) {
                beforeWrite.accept(plan.patch());
            }
            GraphResponse written = options.dryRun() ? null : service.client().patch(service.paths().absolute(plan.patch().url()), plan.patch().body());
            return finish(plan.patch(), written);
        } catch (PosctlException e) {
            return failed(edit, target.id(), e);
        }
    }

    /** Resolves {@code --current} when the edit names no id (a list call, whose answer is the merge base too). */
    public Target target(Edit edit) {
        if (edit.id() == null && options.current()) {
            JsonNode position = service.current(edit.userId());
            String id = position.path("id").asText();
            return new Target(edit, edit.userId(), id,
                new GraphResponse("GET", GraphPaths.relativePositions(edit.userId()), 200, position, null, null, 1));
        }
        return new Target(edit, edit.userId(), edit.id(), null);
    }

    private GraphResponse read(Target t) {
        return t.read() != null ? t.read() : service.fetch(t.user(), t.id());
    }

    /** Where the merge step reads the position. */
    public String readUrl(Target t) {
        return GraphPaths.relativePosition(t.user(), t.id());
    }

    /** What a read (null when not merging) means for the edit: a result already, or a patch. */
    public Plan plan(Target t, GraphResponse read) {
        Edit edit = t.edit();
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
                return new Plan(UpdateResult.failed(edit.location(), t.user(), t.id(), read.status(), null,
                    "cannot merge: the current position could not be read: " + unreadable, read.requestId(), ExitCode.REJECTED), null);
            }
            current = read.body();
            readStatus = read.status();
        }
        if (reversal != null && current != null) {
            UpdateResult conflict = conflict(t, current, readStatus, read.requestId());
            if (conflict != null) {
                return new Plan(conflict, null);
            }
        }
        ObjectNode body = read != null && reversal == null ? Merge.body(fields, current) : fields;
        List<String> changed = Merge.changes(current, body).stream().map(Merge.Change::path).collect(Collectors.toList());
        if (read != null && changed.isEmpty()) {
            return new Plan(new UpdateResult(edit.location(), t.user(), t.id(), UpdateResult.Status.unchanged, readStatus,
                changed, current, null, null, null, null, 0), null);
        }
        String url = service.paths().relativeUpdate(t.user(), t.id());
        if (service.paths().style() == PathStyle.seed) {
            ObjectNode withId = JsonNodeFactory.instance.objectNode().put("id", t.id());
            withId.setAll(body);
            body = withId;
        }
        Patch patch = new Patch(t, url, body, changed, current);
        if (options.dryRun()) {
            return new Plan(new UpdateResult(edit.location(), t.user(), t.id(), UpdateResult.Status.planned, 0, changed,
                Merge.applied(current, body), null, null, null, request(url, body), 0), null);
        }
        return new Plan(null, patch);
    }

    /** The result of a write. */
    public UpdateResult finish(Patch p, GraphResponse written) {
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
        return new UpdateResult(t.edit().location(), t.user(), t.id(), UpdateResult.Status.updated, written.status(),
            p.changed(), position, null, null, written.requestId(), null, 0, p.before(), p.written());
    }

    /** A failed result when the position no longer holds what the run wrote (unless forced), else null. */
    private UpdateResult conflict(Target t, JsonNode current, int readStatus, String requestId) {
        ObjectNode expected = reversal.expected().apply(t.edit());
        if (expected == null || reversal.force()) {
            return null;
        }
        List<Merge.Change> drift = Merge.changes(current, expected);
        // back at the values before already (a write that never landed, or reverted by hand): unchanged
        if (drift.isEmpty() || Merge.changes(current, t.edit().fields()).isEmpty()) {
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
        return new UpdateResult(t.edit().location(), t.user(), t.id(), UpdateResult.Status.failed, readStatus,
            drift.stream().map(Merge.Change::path).collect(Collectors.toList()), current, "conflict", why.toString(), requestId,
            null, ExitCode.REJECTED);
    }

    /** A value for a message: the server's text is untrusted, so it is cut short (the printer escapes it). */
    private static String shown(JsonNode v) {
        String s = v == null || v.isNull() ? "(none)" : JsonTrees.compact(v);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** The position after the write, or null when it cannot be read: the write is done, and stays reported as done. */
    private JsonNode readBack(Target t) {
        try {
            return service.get(t.user(), t.id());
        } catch (PosctlException e) {
            return null;
        }
    }

    private ObjectNode request(String url, ObjectNode body) {
        ObjectNode req = JsonNodeFactory.instance.objectNode();
        req.put("method", "PATCH");
        req.put("url", service.paths().base() + url);
        ObjectNode headers = req.putObject("headers");
        service.client().headers(RequestIds.next(), true, true).forEach(headers::put);
        req.set("body", body);
        return req;
    }

    static UpdateResult failed(Edit edit, String id, PosctlException e) {
        if (e instanceof FailedCall) {
            // e.g. the list behind --current answered 401: the result names that status, not null
            GraphError g = ((FailedCall) e).error();
            return UpdateResult.failed(edit.location(), edit.userId(), id, g.status(), g.code(), e.getMessage(), g.requestId(), e.exitCode());
        }
        return UpdateResult.failed(edit.location(), edit.userId(), id, 0, null, e.getMessage(), null, e.exitCode());
    }

    private static UpdateResult failure(Target t, GraphResponse r) {
        GraphError e = GraphError.of(r);
        return UpdateResult.failed(t.edit().location(), t.user(), t.id(), r.status(), e.code(), r.method() + " " + e.describe(),
            e.requestId(), PositionService.exitCode(e));
    }
}
