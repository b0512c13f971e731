package dev.posctl.output;

import dev.posctl.validate.ProblemCode;

/** What each problem code means and how to fix it: the help text of a SARIF rule. */
final class RuleHelp {
    private RuleHelp() {}

    // a switch over every code, without default: a new code does not compile until it has its help
    static String of(ProblemCode code) {
        return switch (code) {
            case UNREADABLE -> "The file could not be read: check that it exists and is readable.";
            case SYNTAX -> "The document is not valid YAML or JSON at this place.";
            case DUPLICATE_KEY -> "A field is given twice in the same object; keep one.";
            case NOT_AN_OBJECT -> "An edit is an object of workPosition fields; this document is not one.";
            case WRONG_TYPE -> "The value has the wrong JSON type for this field (posctl schema shows the types).";
            case UNKNOWN_ENUM_MEMBER -> "The value is not one of the field's enumeration members (posctl schema lists them).";
            case INVALID_DATE -> "A date field takes YYYY-MM-DD.";
            case INVALID_DATE_TIME -> "A date-time field takes an ISO 8601 timestamp with a zone, e.g. 2024-01-31T12:00:00Z.";
            case INT32_RANGE -> "The number does not fit the field's 32-bit integer range.";
            case NOT_FINITE -> "The number is not a finite double (NaN and Infinity are not JSON).";
            case UNKNOWN_PROPERTY -> "The field is not part of the workPosition schema; check its spelling.";
            case NULL_NOT_ALLOWED -> "This field cannot be cleared with null.";
            case WRONG_ODATA_TYPE -> "@odata.type names another type than the one this field holds.";
            case MISSING_USER_ID -> "Every edit needs userId (or --user): the user whose positions it changes.";
            case MISSING_ID -> "An update needs the position id (or --current to update the current position).";
            case ID_ON_CREATE -> "create assigns ids; an id in a document to create usually means it was meant for update (--ignore-ids sends it without).";
            case MISSING_COMPANY_NAME -> "A new position needs detail.company.displayName.";
            case USER_DOCUMENT_REFUSED -> "A user document ({userId, positions}, as export writes) describes a desired state; this command takes edits ({userId, id, fields}).";
            case EMPTY_INPUT -> "The input holds no document.";
            case YAML_ALIAS -> "YAML anchors and aliases are refused: write the value out.";
            case TOO_DEEP -> "The document nests deeper than posctl accepts.";
            case TOO_LARGE -> "The document or value is larger than posctl accepts.";
            case READ_ONLY -> "The service sets this field; it is ignored in an edit.";
            case END_BEFORE_START -> "detail.endMonthYear is before detail.startMonthYear.";
            case CURRENT_WITH_PAST_END -> "A position marked isCurrent has an end date in the past.";
            case CONFIDENCE_RANGE -> "confidence scores lie between 0 and 1.";
        };
    }
}
