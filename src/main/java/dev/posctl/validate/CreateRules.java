package dev.posctl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a new position needs beyond a valid edit: the service assigns its id, so a document that
 * names one was most likely meant for update (creating it would add a second position, the id
 * ignored); and Graph refuses a company without its displayName on create (400), which an offline
 * check can say first, with the line.
 */
public final class CreateRules {
    private CreateRules() {}

    /** @param ignoreIds --ignore-ids: ids in the documents are dropped, not refused */
    public static List<Problem> check(ObjectNode body, Location where, boolean ignoreIds) {
        List<Problem> problems = new ArrayList<>();
        JsonNode id = body.get("id");
        if (!ignoreIds && id != null && !id.isNull()) {
            problems.add(new Problem(where, Severity.ERROR, ProblemCode.ID_ON_CREATE, "id",
                "create makes new positions; to change position " + id.asText() + " use update (or --ignore-ids to create a new one anyway)"));
        }
        JsonNode company = body.path("detail").get("company");
        if (company != null && company.isObject()) {
            JsonNode name = company.get("displayName");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                problems.add(new Problem(where, Severity.ERROR, ProblemCode.MISSING_COMPANY_NAME, "detail.company.displayName",
                    "a new position's company needs a displayName (Graph refuses it without one)"));
            }
        }
        return problems;
    }
}
