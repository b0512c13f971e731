package dev.posctl.apply;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.input.Edit;
import dev.posctl.run.Operation;
import dev.posctl.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes a plan makes, for the run engine: a create of the desired fields, an update of the
 * desired fields addressed to the matched position (the run merges them into what it reads, as
 * update does), a delete of a pruned position; a kept position sends nothing.
 *
 * <p>Each operation is built from the documents alone (user, matched id, desired fields, place in
 * the file), so the same files give the same operations, and a resumed run finds them in its journal.
 */
public final class PlanOperations {
    private PlanOperations() {}

    public static List<Operation> of(List<Planner.Step> steps) {
        List<Operation> ops = new ArrayList<>();
        for (Planner.Step s : steps) {
            switch (s.action()) {
                case create -> ops.add(create(s));
                case update -> ops.add(Operation.update(new Edit(body(s.user(), s.id(), s.desired()), s.source(), true)));
                case delete -> ops.add(Operation.delete(s.user(), s.id(), s.source()));
                default -> { }
            }
        }
        return ops;
    }

    /** The create a step's desired position is, or was in an earlier run whose create may have landed since. */
    public static Operation create(Planner.Step s) {
        return Operation.create(new Edit(body(s.user(), null, s.desired()), s.source(), true));
    }

    private static ObjectNode body(String user, String id, ObjectNode fields) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put(Schema.USER_ID, user);
        if (id != null) {
            body.put("id", id);
        }
        body.setAll(fields.deepCopy());
        return body;
    }
}
