package dev.posctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** One compact JSON value per line: an array's elements each on their own line. */
public final class NdjsonRenderer implements Renderer {
    @Override
    public void render(JsonNode data, PrintWriter out) {
        if (data.isArray()) {
            for (JsonNode row : data) {
                out.println(JsonRenderer.compact(row));
            }
        } else {
            out.println(JsonRenderer.compact(data));
        }
        out.flush();
    }
}
