package dev.posctl.input;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.schema.Schema;
import dev.posctl.validate.Location;

/**
 * One edit ready for the later steps: its body (workPosition fields plus userId) and where it came
 * from, so every result can point back at its source line. A check-only pass (validate) hands on
 * edits with neither, only whether they are valid.
 */
public record Edit(ObjectNode body, Location location, boolean valid) {

    public Edit shift(int lines, int documents) {
        return location == null ? this : new Edit(body, location.shift(lines, documents), valid);
    }

    /** The workPosition fields to send: the body without the addressing keys userId and id. */
    public ObjectNode fields() {
        ObjectNode f = body.deepCopy();
        f.remove(Schema.USER_ID);
        f.remove("id");
        return f;
    }

    public String userId() {
        return body.path(Schema.USER_ID).asText(null);
    }

    public String id() {
        return body.path("id").asText(null);
    }
}
