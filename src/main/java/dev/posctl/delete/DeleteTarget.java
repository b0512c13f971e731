package dev.posctl.delete;

/** One position to delete, and the file and line that named it. */
public record DeleteTarget(String user, String id, String source, int line) {
    public String where() {
        return source + ":" + line;
    }
}
