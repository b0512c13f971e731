package dev.posctl.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.GraphError;
import dev.posctl.http.GraphResponse;
import dev.posctl.http.PathStyle;
import dev.posctl.input.Edit;
import dev.posctl.schema.Schema;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies one edit: finds the position, reads it, merges, skips what would not change, and
 * PATCHes the rest (or, in a dry run, says what it would send).
 */
public final class Updater {
    /**
     * @param merge      read the position first and complete partial complex values (off: send as written)
     * @param showResult after a 204, read the position back instead of showing the merged state
     */
    public record Options(boolean merge, boolean dryRun, boolean showResult, boolean current) {}

    private final PositionService service;
    private final Options options;

    public Updater(PositionService service, Options options) {
        this.service = service;
        this.options = options;
    }

    public UpdateResult apply(Edit edit) {
        String user = edit.userId();
        String id = edit.id();
        try {
            if (id == null && options.current()) {
                id = service.currentId(user);
            }
            return update(edit, user, id);
        } catch (PosctlException e) {
            return UpdateResult.failed(edit.location(), user, id, 0, e.getMessage(), null, e.exitCode());
        }
    }

    private UpdateResult update(Edit edit, String user, String id) {
        ObjectNode fields = edit.body().deepCopy();
        fields.remove(Schema.USER_ID);
        fields.remove("id");
        JsonNode current = null;
        int readStatus = 0;
        if (options.merge()) {
            GraphResponse read = service.fetch(user, id);
            if (!read.ok()) {
                return failure(edit, user, id, read);
            }
            current = read.body();
            readStatus = read.status();
        }
        ObjectNode body = options.merge() ? Merge.body(fields, current) : fields;
        List<String> changed = Merge.changes(current, body).stream().map(Merge.Change::path).collect(Collectors.toList());
        if (options.merge() && changed.isEmpty()) {
            return new UpdateResult(edit.location(), user, id, UpdateResult.Status.unchanged, readStatus, changed, current,
                null, null, null, 0);
        }
        URI uri = service.paths().update(user, id);
        if (service.paths().style() == PathStyle.seed) {
            ObjectNode withId = JsonNodeFactory.instance.objectNode().put("id", id);
            withId.setAll(body);
            body = withId;
        }
        if (options.dryRun()) {
            return new UpdateResult(edit.location(), user, id, UpdateResult.Status.planned, 0, changed,
                Merge.applied(current, body), null, null, request(uri, body), 0);
        }
        GraphResponse r = service.client().patch(uri, body);
        if (!r.ok()) {
            return failure(edit, user, id, r);
        }
        JsonNode position = r.body();
        if (position == null) {
            position = options.showResult() ? service.get(user, id) : Merge.applied(current, body);
        }
        return new UpdateResult(edit.location(), user, id, UpdateResult.Status.updated, r.status(), changed, position,
            null, r.requestId(), null, 0);
    }

    private ObjectNode request(URI uri, ObjectNode body) {
        ObjectNode req = JsonNodeFactory.instance.objectNode();
        req.put("method", "PATCH");
        req.put("url", uri.toString());
        ObjectNode headers = req.putObject("headers");
        service.client().headers(UUID.randomUUID().toString(), true, true).forEach(headers::put);
        req.set("body", body);
        return req;
    }

    private static UpdateResult failure(Edit edit, String user, String id, GraphResponse r) {
        GraphError e = GraphError.of(r);
        return UpdateResult.failed(edit.location(), user, id, r.status(), r.method() + " " + e.describe(), e.requestId(),
            PositionService.exitCode(e));
    }
}
