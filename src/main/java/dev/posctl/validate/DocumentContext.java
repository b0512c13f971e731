package dev.posctl.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;

/** What the walker knows and learns about the one document it is reading. */
public final class DocumentContext {
    private final String source;
    private final int document;
    private final int lineBase;
    private final boolean yaml;
    private final ProblemSink sink;
    private JsonLocation start;
    private JsonLocation isCurrentAt;
    private JsonLocation endAt;
    int nodes;

    /**
     * @param lineBase the input line on which the parser's line 1 stands (NDJSON parses line by line)
     * @param yaml     YAML plain scalars that look like numbers are accepted for String fields
     */
    public DocumentContext(String source, int document, int lineBase, boolean yaml, ProblemSink sink) {
        this.source = source;
        this.document = document;
        this.lineBase = lineBase;
        this.yaml = yaml;
        this.sink = sink;
    }

    public Location locate(JsonParser p) {
        return locate(p.currentTokenLocation());
    }

    public Location locate(JsonLocation l) {
        if (l == null || l.getLineNr() < 1) {
            return new Location(source, lineBase, 0, document);
        }
        return new Location(source, lineBase + l.getLineNr() - 1, l.getColumnNr(), document);
    }

    void report(Location at, Severity severity, ProblemCode code, String path, String message) {
        sink.add(new Problem(at, severity, code, path, message));
    }

    void error(JsonParser p, ProblemCode code, String path, String message) {
        report(locate(p), Severity.ERROR, code, path, message);
    }

    void warn(JsonParser p, ProblemCode code, String path, String message) {
        report(locate(p), Severity.WARNING, code, path, message);
    }

    void markIsCurrent(JsonParser p) {
        isCurrentAt = p.currentTokenLocation();
    }

    void markEnd(JsonParser p) {
        endAt = p.currentTokenLocation();
    }

    void start(JsonParser p) {
        start = p.currentTokenLocation();
    }

    Location isCurrentAt() {
        return isCurrentAt != null ? locate(isCurrentAt) : start();
    }

    Location endAt() {
        return endAt != null ? locate(endAt) : start();
    }

    public Location start() {
        return start != null ? locate(start) : new Location(source, lineBase, 0, document);
    }

    /** The line where the document began, relative to the parser (for one-object-per-line checks). */
    public int startLine() {
        return start != null ? start.getLineNr() : 0;
    }

    public String source() {
        return source;
    }

    public int document() {
        return document;
    }

    boolean yaml() {
        return yaml;
    }

    public ProblemSink sink() {
        return sink;
    }
}
