package dev.posctl.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.validate.Location;
import dev.posctl.validate.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A SARIF 2.1.0 log with one run of posctl: one rule per kind of finding (a problem code, a changed
 * field, a failed edit) and one result per finding, on the file, line and column of its edit with
 * the field path as a logical location. Code scanning (GitHub, GitLab, IDEs) reads it.
 */
public final class SarifRenderer {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final JsonNodeFactory f = JsonNodeFactory.instance;
    private final ObjectNode log = f.objectNode();
    private final ArrayNode rules;
    private final ArrayNode results;
    private final Map<String, Integer> ruleIndex = new HashMap<>();

    public SarifRenderer(String version) {
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "posctl");
        driver.put("version", version);
        driver.put("informationUri", "https://github.com/posctl/posctl");
        rules = driver.putArray("rules");
        results = run.putArray("results");
    }

    /** Every problem, under its problem code's rule. */
    public SarifRenderer problems(List<Problem> problems) {
        for (Problem p : problems) {
            String code = p.code().code();
            rule(code, RuleHelp.of(p.code()));
            result(code, p.isError() ? "error" : "warning", p.location(), p.path(),
                p.path().isEmpty() ? p.message() : p.path() + ": " + p.message());
        }
        return this;
    }

    /** Declares a rule once; later calls with the same id are ignored. */
    public SarifRenderer rule(String id, String help) {
        if (ruleIndex.containsKey(id)) {
            return this;
        }
        ruleIndex.put(id, rules.size());
        ObjectNode r = rules.addObject();
        r.put("id", id);
        r.putObject("shortDescription").put("text", help);
        r.putObject("help").put("text", help);
        return this;
    }

    /**
     * @param level error, warning or note
     * @param where null, or a place in {@code <stdin>} or {@code <flags>}: no physical location
     * @param path  the dotted field path, empty for the whole document
     */
    public SarifRenderer result(String ruleId, String level, Location where, String path, String message) {
        ObjectNode r = results.addObject();
        r.put("ruleId", ruleId);
        Integer index = ruleIndex.get(ruleId);
        if (index != null) {
            r.put("ruleIndex", index);
        }
        r.put("level", level);
        r.putObject("message").put("text", message);
        ArrayNode locations = r.putArray("locations");
        ObjectNode location = locations.addObject();
        if (where != null && !where.source().startsWith("<")) {
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(where.source()));
            if (where.line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", where.line());
                if (where.column() > 0) {
                    region.put("startColumn", where.column());
                }
            }
        }
        if (path != null && !path.isEmpty()) {
            location.putArray("logicalLocations").addObject().put("fullyQualifiedName", path).put("kind", "member");
        }
        if (location.isEmpty()) {
            r.remove("locations");
        }
        if (where != null && where.document() > 0) {
            r.putObject("properties").put("document", where.document());
        }
        return this;
    }

    public ObjectNode toJson() {
        return log;
    }

    /** A file name as a relative URI reference: separators as '/', spaces and the like percent-encoded. */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        int colon = path.indexOf(':');
        if (colon >= 0 && (path.indexOf('/') < 0 || colon < path.indexOf('/'))) {
            path = "./" + path;  // a.b:c.yaml would read as a URI scheme
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path;
        }
    }
}
