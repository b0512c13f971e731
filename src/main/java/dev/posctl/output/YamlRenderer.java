package dev.posctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/**
 * YAML that posctl reads back: a list becomes one document per element, separated by
 * {@code ---}, which is the multi-document form that {@code -f} takes.
 */
public final class YamlRenderer implements Renderer {
    @Override
    public void render(JsonNode data, PrintWriter out) {
        if (data.isArray()) {
            boolean first = true;
            for (JsonNode row : data) {
                if (!first) {
                    out.println("---");
                }
                out.print(YamlText.of(row));
                first = false;
            }
        } else {
            out.print(YamlText.of(data));
        }
        out.flush();
    }
}
