package dev.posctl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.schema.Schema;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Checks that look at a whole edit once it is complete (after flags were laid on top): the
 * addressing keys and the rules between fields.
 */
public final class DocumentRules {
    private final Supplier<LocalDate> today;
    private final boolean requireId;

    /** @param today asked only when a rule needs it (the time zone costs start-up time) */
    public DocumentRules(Supplier<LocalDate> today, boolean requireId) {
        this.today = today;
        this.requireId = requireId;
    }

    /** The values the rules look at. */
    record Facts(boolean hasUserId, boolean hasId, boolean isCurrent, String startDate, String endDate) {
        static Facts of(ObjectNode edit) {
            JsonNode detail = edit.path("detail");
            return new Facts(isText(edit.get(Schema.USER_ID)), isText(edit.get("id")), edit.path("isCurrent").asBoolean(false),
                text(detail.get("startMonthYear")), text(detail.get("endMonthYear")));
        }

        private static String text(JsonNode n) {
            return n != null && n.isTextual() ? n.asText() : null;
        }
    }

    /** Checks a finished edit, or, with a null edit, the facts a check-only walk kept. */
    public void check(ObjectNode edit, DocumentContext ctx) {
        check(edit, ctx, requireId);
    }

    /** @param requireId false for a position of a user document, which may be new (apply creates it) */
    public void check(ObjectNode edit, DocumentContext ctx, boolean requireId) {
        Facts f = edit != null ? Facts.of(edit) : ctx.facts();
        Location start = ctx.start();
        if (!f.hasUserId()) {
            ctx.report(start, Severity.ERROR, ProblemCode.MISSING_USER_ID, Schema.USER_ID,
                "no userId: add \"userId\" (object id, userPrincipalName or \"me\") or pass --user");
        }
        if (requireId && !f.hasId()) {
            ctx.report(start, Severity.ERROR, ProblemCode.MISSING_ID, "id",
                "no id: add the position's \"id\" or pass --id (posctl list --user U shows the ids);"
                    + " update and diff also take --current for the user's current position");
        }
        LocalDate end = f.endDate() == null ? null : ValueRules.parseDate(f.endDate());
        LocalDate begin = f.startDate() == null ? null : ValueRules.parseDate(f.startDate());
        if (end != null && begin != null && end.isBefore(begin)) {
            ctx.report(ctx.endAt(), Severity.WARNING, ProblemCode.END_BEFORE_START,
                "detail.endMonthYear", end + " is before startMonthYear " + begin);
        }
        if (end != null && f.isCurrent() && end.isBefore(today.get())) {
            ctx.report(ctx.isCurrentAt(), Severity.WARNING, ProblemCode.CURRENT_WITH_PAST_END,
                "isCurrent", "isCurrent is true but endMonthYear " + end + " is in the past");
        }
    }

    private static boolean isText(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isBlank();
    }

}
