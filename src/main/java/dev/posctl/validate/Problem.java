package dev.posctl.validate;

/**
 * One finding about one document.
 *
 * @param path the dotted field path ({@code detail.company.displayName}); empty for the whole document
 */
public record Problem(Location location, Severity severity, ProblemCode code, String path, String message) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code edits.yaml:12:5: error: detail.startMonthYear: "2021-13-01" is not a date ...}. */
    public String toText() {
        StringBuilder sb = new StringBuilder(location.prefix()).append(": ").append(severity.label()).append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }

    public Problem shift(int lines, int documents) {
        return new Problem(location.shift(lines, documents), severity, code, path, message);
    }

    public Problem asError() {
        return severity == Severity.ERROR ? this : new Problem(location, Severity.ERROR, code, path, message);
    }
}
