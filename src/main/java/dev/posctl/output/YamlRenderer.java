package dev.posctl.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * YAML that posctl reads back: a list becomes one document per element, separated by
 * {@code ---}, which is the multi-document form that {@code -f} takes.
 */
public final class YamlRenderer implements Renderer {
    @Override
    public void render(JsonNode data, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());
        try {
            if (data.isArray()) {
                boolean first = true;
                for (JsonNode row : data) {
                    if (!first) {
                        out.println("---");
                    }
                    out.print(mapper.writeValueAsString(row));
                    first = false;
                }
            } else {
                out.print(mapper.writeValueAsString(data));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
