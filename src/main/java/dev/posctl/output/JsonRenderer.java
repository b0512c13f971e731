package dev.posctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.json.JsonTrees;
import java.io.PrintWriter;

/** JSON: indented for people on a terminal, compact for programs. */
public final class JsonRenderer implements Renderer {
    private final boolean pretty;

    public JsonRenderer(boolean pretty) {
        this.pretty = pretty;
    }

    @Override
    public void render(JsonNode data, PrintWriter out) {
        JsonTrees.write(data, out, pretty);
        out.println();
        out.flush();
    }

    /** Indented, for people. */
    public static String pretty(JsonNode node) {
        return JsonTrees.pretty(node);
    }

    /** One compact line, for NDJSON and reports. */
    public static String compact(JsonNode node) {
        return JsonTrees.compact(node);
    }
}
