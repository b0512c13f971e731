package dev.posctl.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

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
    /** Set for a position of a user document: its problems' paths start with {@code positions[i]}. */
    private String prefix = "";
    private long errorsBefore;
    private boolean walkClean = true;
    /** Non-null once a {@code positions} key made this a user document. */
    private List<Position> positions;
    private String stray;

    /** One entry of a user document's positions, walked; body is null when it was not an object. */
    public record Position(ObjectNode body, DocumentContext context) {}

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

    /** A context for entry {@code index} of this user document's positions, sharing its node budget. */
    DocumentContext position(int index) {
        DocumentContext c = new DocumentContext(source, document, lineBase, yaml, sink);
        c.build = build;
        c.prefix = "positions[" + index + "]";
        c.nodes = nodes;
        c.errorsBefore = sink.errors();
        return c;
    }

    /** The parser is on the {@code positions} key: from here on this is a user document. */
    void userDocument(JsonParser p) {
        if (positions == null) {
            positions = new ArrayList<>();
            if (stray != null) {
                strayReported(p);
            }
        }
    }

    void add(ObjectNode body, DocumentContext position) {
        nodes = position.nodes;
        position.walkClean = sink.errors() == position.errorsBefore;
        positions.add(new Position(body, position));
    }

    /**
     * A top-level key other than userId: an edit may have it, a user document may not. Only its name
     * is kept until a positions key says which this is, so that plain edits pay no location for it.
     */
    void topLevelField(String name, JsonParser p) {
        if (stray == null) {
            stray = name;
            if (positions != null) {
                strayReported(p);
            }
        }
    }

    private void strayReported(JsonParser p) {
        report(locate(p), Severity.ERROR, ProblemCode.UNKNOWN_PROPERTY, stray,
            "a user document holds only userId and positions; move \"" + stray + "\" into a position");
    }

    public boolean isUserDocument() {
        return positions != null;
    }

    /** The walked positions of a user document, in input order. */
    public List<Position> positions() {
        return positions == null ? List.of() : positions;
    }

    boolean inPosition() {
        return !prefix.isEmpty();
    }

    /** Whether walking this position reported no error (the rules run later, in the reader). */
    public boolean walkedClean() {
        return walkClean;
    }

    /** In a check-only walk, a position takes its user document's userId. */
    public void userIdOf(DocumentContext userDocument) {
        hasUserId = userDocument.hasUserId;
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
        String full = prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
        sink.add(new Problem(at, severity, code, full, message));
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
