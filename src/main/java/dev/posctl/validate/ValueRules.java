package dev.posctl.validate;

import dev.posctl.schema.Type;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Checks on single scalar values, shared by the document walker and typed flags. */
public final class ValueRules {
    private ValueRules() {}

    /** A strict {@code YYYY-MM-DD} calendar date, or null. */
    public static LocalDate parseDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y < 0 || m < 0 || d < 0) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public static boolean isDateTime(String s) {
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Null when every member named is in the enum; otherwise a message for the user. */
    public static String enumProblem(Type type, String value) {
        if (type.members().contains(value)) {
            return null;
        }
        String[] parts = type.kind() == dev.posctl.schema.Kind.FLAGS_ENUM ? value.split(",", -1) : new String[] {value};
        for (String raw : parts) {
            String part = parts.length > 1 ? raw.trim() : raw;
            if (!type.members().contains(part)) {
                String hint = Suggest.nearest(part, type.members());
                return "\"" + part + "\" is not a member of " + type.name()
                    + (hint != null ? " (did you mean \"" + hint + "\"?)" : "")
                    + "; members: " + String.join(", ", type.members());
            }
        }
        return null;
    }

    /** How a JSON value reads in a message: {@code string "3"}, {@code number 4.5}, {@code an object}. */
    public static String describe(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
        switch (p.currentToken()) {
            case VALUE_STRING: return "string \"" + clip(p.getText()) + "\"";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "number " + clip(p.getText());
            case VALUE_TRUE: return "true";
            case VALUE_FALSE: return "false";
            case VALUE_NULL: return "null";
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            default: return clip(String.valueOf(p.getText()));
        }
    }

    public static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
