package dev.posctl.validate;

/**
 * Where something stands in the input.
 *
 * @param source   the file name as the user gave it, {@code <stdin>} or {@code <flags>}
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param document 1-based index of the document within the source, 0 when not applicable
 */
public record Location(String source, int line, int column, int document) {

    public static Location of(String source) {
        return new Location(source, 0, 0, 0);
    }

    /** The same place seen from a larger input: lines and documents counted before it are added. */
    public Location shift(int lines, int documents) {
        if (lines == 0 && documents == 0) {
            return this;
        }
        return new Location(source, line + lines, column, document + documents);
    }

    /** {@code file:line:col}, leaving out what is unknown. */
    public String prefix() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.toString();
    }
}
