package dev.posctl.validate;

/** Stable problem codes: they appear in JSON output and scripts may match on them. */
public enum ProblemCode {
    UNREADABLE("unreadable"),
    SYNTAX("syntax"),
    DUPLICATE_KEY("duplicate-key"),
    NOT_AN_OBJECT("not-an-object"),
    WRONG_TYPE("wrong-type"),
    UNKNOWN_ENUM_MEMBER("unknown-enum-member"),
    INVALID_DATE("invalid-date"),
    INVALID_DATE_TIME("invalid-date-time"),
    INT32_RANGE("int32-out-of-range"),
    NOT_FINITE("double-out-of-range"),
    UNKNOWN_PROPERTY("unknown-property"),
    NULL_NOT_ALLOWED("null-not-allowed"),
    WRONG_ODATA_TYPE("wrong-odata-type"),
    MISSING_USER_ID("missing-user-id"),
    MISSING_ID("missing-id"),
    ID_ON_CREATE("id-on-create"),
    MISSING_COMPANY_NAME("missing-company-name"),
    EMPTY_INPUT("empty-input"),
    YAML_ALIAS("yaml-alias"),
    TOO_DEEP("too-deep"),
    TOO_LARGE("too-large"),
    READ_ONLY("read-only"),
    END_BEFORE_START("end-before-start"),
    CURRENT_WITH_PAST_END("current-with-past-end"),
    CONFIDENCE_RANGE("confidence-out-of-range"),
    USER_DOCUMENT_REFUSED("user-document-refused");

    private final String code;

    ProblemCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
