package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.apply.Planner;
import dev.posctl.json.JsonTrees;
import dev.posctl.output.Annotations;
import dev.posctl.run.Merge;
import java.io.PrintWriter;
import java.util.List;

/** How apply shows a plan: one row per changed field of an update, one per create, keep and delete, and a count line. */
final class ApplyPlanView {
    static final List<String> VIEW = List.of("action|ACTION", "user|USER", "id|ID", "path|FIELD", "current|CURRENT", "new|NEW",
        "source|SOURCE");

    private static final String TITLE = "posctl apply --plan";

    private ApplyPlanView() {}

    static long count(List<Planner.Step> steps, Planner.Action action) {
        return steps.stream().filter(s -> s.action() == action).count();
    }

    static String summary(List<Planner.Step> steps) {
        StringBuilder b = new StringBuilder("plan:");
        for (Planner.Action a : Planner.Action.values()) {
            b.append(a == Planner.Action.create ? " " : ", ").append(count(steps, a)).append(" to ").append(a);
        }
        return b.toString();
    }

    /** @param keeps whether kept positions get a row (the printed plan has them; the one shown before asking does not) */
    static ArrayNode rows(List<Planner.Step> steps, boolean keeps) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (Planner.Step s : steps) {
            if (s.action() == Planner.Action.update) {
                for (Merge.Change ch : s.changes()) {
                    ObjectNode row = row(rows, s);
                    row.put("path", ch.path());
                    row.set("current", ch.current());
                    row.set("new", ch.proposed());
                }
                continue;
            }
            if (s.action() == Planner.Action.keep && !keeps) {
                continue;
            }
            ObjectNode row = row(rows, s);
            if (s.action() == Planner.Action.create) {
                row.set("new", s.desired());
            } else if (s.action() == Planner.Action.delete) {
                row.set("current", s.current());
            }
        }
        return rows;
    }

    /** -o github: a notice per change, on the line of the document that asks for it (a delete has none). */
    static void github(List<Planner.Step> steps, PrintWriter out) {
        for (Planner.Step s : steps) {
            switch (s.action()) {
                case update -> s.changes().forEach(ch -> out.println(Annotations.of("notice", s.source(), TITLE, "update " + s.user() + " "
                    + s.id() + ": " + ch.path() + ": " + JsonTrees.compact(ch.current()) + " -> " + JsonTrees.compact(ch.proposed()))));
                case create -> out.println(Annotations.of("notice", s.source(), TITLE, "create a position of " + s.user() + ": "
                    + JsonTrees.compact(s.desired())));
                case delete -> out.println(Annotations.of("notice", null, TITLE, "delete position " + s.id() + " of " + s.user()
                    + " (--prune: no document describes it)"));
                default -> { }
            }
        }
    }

    private static ObjectNode row(ArrayNode rows, Planner.Step s) {
        ObjectNode row = rows.addObject();
        row.put("action", s.action().name());
        row.put("user", s.user());
        if (s.id() != null) {
            row.put("id", s.id());
        }
        if (s.source() != null) {
            row.put("source", s.source().prefix());
        }
        return row;
    }
}
