package dev.posctl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.schema.Schema;
import java.time.LocalDate;

/**
 * Checks that look at a whole edit once it is complete (after flags were laid on top): the
 * addressing keys and the rules between fields.
 */
public final class DocumentRules {
    private final LocalDate today;
    private final boolean requireId;

    public DocumentRules(LocalDate today, boolean requireId) {
        this.today = today;
        this.requireId = requireId;
    }

    public void check(ObjectNode edit, DocumentContext ctx) {
        Location start = ctx.start();
        if (!isText(edit.get(Schema.USER_ID))) {
            ctx.report(start, Severity.ERROR, ProblemCode.MISSING_USER_ID, Schema.USER_ID,
                "no userId: add \"userId\" (object id, userPrincipalName or \"me\") or pass --user");
        }
        if (requireId && !isText(edit.get("id"))) {
            ctx.report(start, Severity.ERROR, ProblemCode.MISSING_ID, "id",
                "no id: add the position's \"id\" or pass --id (posctl list --user U shows the ids)");
        }
        JsonNode detail = edit.get("detail");
        LocalDate end = detail == null ? null : date(detail.get("endMonthYear"));
        LocalDate begin = detail == null ? null : date(detail.get("startMonthYear"));
        if (end != null && begin != null && end.isBefore(begin)) {
            ctx.report(ctx.endAt(), Severity.WARNING, ProblemCode.END_BEFORE_START,
                "detail.endMonthYear", end + " is before startMonthYear " + begin);
        }
        JsonNode current = edit.get("isCurrent");
        if (end != null && current != null && current.asBoolean(false) && end.isBefore(today)) {
            ctx.report(ctx.isCurrentAt(), Severity.WARNING, ProblemCode.CURRENT_WITH_PAST_END,
                "isCurrent", "isCurrent is true but endMonthYear " + end + " is in the past");
        }
    }

    private static boolean isText(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isBlank();
    }

    private static LocalDate date(JsonNode n) {
        return n != null && n.isTextual() ? ValueRules.parseDate(n.asText()) : null;
    }
}
