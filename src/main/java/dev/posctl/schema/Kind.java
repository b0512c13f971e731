package dev.posctl.schema;

/** The wire types of the Graph beta CSDL that the workPosition model uses. */
public enum Kind {
    STRING("String"),
    BOOLEAN("Boolean"),
    INT32("Int32"),
    DOUBLE("Double"),
    DATE("Date"),
    DATE_TIME("DateTimeOffset"),
    ENUM("enum"),
    FLAGS_ENUM("flags enum"),
    OBJECT("object"),
    COLLECTION("collection"),
    /** Any JSON value: used for members of open types that the model does not name. */
    ANY("any");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
