package dev.posctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;

/** Writes command results: an array is a list of rows, an object a single row. */
public interface Renderer {
    void render(JsonNode data, PrintWriter out);

    /**
     * The renderer for a format.
     *
     * @param terminal whether stdout is a terminal (pretty JSON, width-limited tables)
     * @param columns  terminal width, used only on a terminal
     * @param tableColumns the key columns a table shows, or empty for every flattened field
     */
    static Renderer of(OutputFormat format, boolean terminal, int columns, List<String> tableColumns) {
        switch (format) {
            case json: return new JsonRenderer(terminal);
            case yaml: return new YamlRenderer();
            case ndjson: return new NdjsonRenderer();
            case table:
            case text: return new TableRenderer(terminal ? columns : Integer.MAX_VALUE, tableColumns);
            default: throw new IllegalArgumentException("no renderer for " + format);
        }
    }
}
