package dev.posctl.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import java.util.HashMap;
import java.util.Map;

/** What the walker knows and learns about the one document it is reading. */
public final class DocumentContext {
    private final String source;
    private final int document;
    private final int lineBase;
    private final boolean yaml;
    private final ProblemSink sink;
    private final Map<String, Location> marks = new HashMap<>(4);
    private Location start;
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

    void mark(String path, JsonParser p) {
        marks.put(path, locate(p));
    }

    void start(JsonParser p) {
        start = locate(p);
    }

    /** Where a field was seen, or the document's start when it was not (a flag set it, say). */
    public Location where(String path) {
        return marks.getOrDefault(path, start());
    }

    public Location start() {
        return start != null ? start : new Location(source, lineBase, 0, document);
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
