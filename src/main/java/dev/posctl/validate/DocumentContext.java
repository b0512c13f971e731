package dev.posctl.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;

/** What the walker knows and learns about the one document it is reading. */
public final class DocumentContext {
    private final String source;
    private final int document;
    private final int lineBase;
    private final boolean yaml;
    private final ProblemSink sink;
    private int startLine;
    private int startColumn;
    private JsonLocation isCurrentAt;
    private JsonLocation endAt;
    private boolean build = true;
    private boolean hasUserId;
    private boolean hasId;
    private boolean isCurrent;
    private String startDate;
    private String endDate;
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

    /** Check only, building no tree: the facts the document rules need are kept instead. */
    public DocumentContext checkOnly() {
        this.build = false;
        return this;
    }

    boolean build() {
        return build;
    }

    /** Records a top-level value the rules look at, while the parser is on it. */
    void fact(String property, JsonParser p) throws java.io.IOException {
        switch (property) {
            case "userId":
                hasUserId = p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING && !p.getText().isBlank();
                break;
            case "id":
                hasId = p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING && !p.getText().isBlank();
                break;
            case "isCurrent":
                isCurrent = p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE;
                break;
            default:
                break;
        }
    }

    void startDate(String date) {
        startDate = date;
    }

    void endDate(String date) {
        endDate = date;
    }

    /** What the rules need, from the walk when no tree was built. */
    DocumentRules.Facts facts() {
        return new DocumentRules.Facts(hasUserId, hasId, isCurrent, startDate, endDate);
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
        if (p instanceof UTF8StreamJsonParser) {
            // the byte parser knows its position: no location object per document
            startLine = ((UTF8StreamJsonParser) p).getTokenLineNr();
            // getTokenColumnNr() counts one more than the location objects do; the tests pin this
            startColumn = ((UTF8StreamJsonParser) p).getTokenColumnNr() - 1;
        } else {
            JsonLocation l = p.currentTokenLocation();
            startLine = l.getLineNr();
            startColumn = l.getColumnNr();
        }
    }

    Location isCurrentAt() {
        return isCurrentAt != null ? locate(isCurrentAt) : start();
    }

    Location endAt() {
        return endAt != null ? locate(endAt) : start();
    }

    public Location start() {
        return startLine > 0 ? new Location(source, lineBase + startLine - 1, startColumn, document)
            : new Location(source, lineBase, 0, document);
    }

    /** The line where the document began, relative to the parser (for one-object-per-line checks). */
    public int startLine() {
        return startLine;
    }

    boolean yaml() {
        return yaml;
    }

    public ProblemSink sink() {
        return sink;
    }
}
