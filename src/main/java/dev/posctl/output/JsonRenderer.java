package dev.posctl.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** JSON: indented for people on a terminal, compact for programs. */
public final class JsonRenderer implements Renderer {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ObjectWriter writer;

    public JsonRenderer(boolean pretty) {
        this.writer = pretty ? MAPPER.writerWithDefaultPrettyPrinter() : MAPPER.writer();
    }

    @Override
    public void render(JsonNode data, PrintWriter out) {
        out.println(write(writer, data));
        out.flush();
    }

    /** Indented, for people. */
    public static String pretty(JsonNode node) {
        return write(MAPPER.writerWithDefaultPrettyPrinter(), node);
    }

    /** One compact line, for NDJSON and reports. */
    public static String compact(JsonNode node) {
        return write(MAPPER.writer(), node);
    }

    private static String write(ObjectWriter w, JsonNode node) {
        try {
            return w.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
