package dev.posctl.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.input.Edit;
import dev.posctl.schema.Schema;
import dev.posctl.validate.Location;

/**
 * One write a run is to make, planned and checked before the first request: create a position from
 * the edit's fields, update the position it names, or delete it. For a delete the edit holds only
 * the addressing keys.
 */
public record Operation(Kind kind, Edit edit) {
    public enum Kind { create, update, delete }

    public static Operation create(Edit edit) {
        return new Operation(Kind.create, edit);
    }

    public static Operation update(Edit edit) {
        return new Operation(Kind.update, edit);
    }

    public static Operation delete(String user, String id, Location location) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put(Schema.USER_ID, user).put("id", id);
        return new Operation(Kind.delete, new Edit(body, location, true));
    }

    public String user() {
        return edit.userId();
    }

    /** The position's id; null for a create, and for an update of {@code --current} until its target is found. */
    public String id() {
        return kind == Kind.create ? null : edit.id();
    }

    public Location location() {
        return edit.location();
    }
}
