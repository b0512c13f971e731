package dev.posctl.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.output.JsonRenderer;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.YamlText;
import java.io.PrintWriter;

/**
 * User documents written as they come: multi-document YAML ({@code ---} between users), NDJSON (a
 * line each) or one JSON array opened at the start and closed at the end, so nothing is held back.
 */
public final class StreamSink implements DocumentSink {
    private final PrintWriter out;
    private final OutputFormat format;
    private int written;

    public StreamSink(PrintWriter out, OutputFormat format) {
        this.out = out;
        this.format = format;
        if (format == OutputFormat.json) {
            out.print("[");
        }
    }

    @Override
    public void write(String userId, ObjectNode document) {
        switch (format) {
            case yaml -> {
                if (written > 0) {
                    out.println("---");
                }
                out.print(YamlText.of(document));
            }
            case json -> {
                out.println(written > 0 ? "," : "");
                out.print(JsonRenderer.pretty(document));
            }
            default -> out.println(JsonRenderer.compact(document));
        }
        written++;
        out.flush();
    }

    @Override
    public void close() {
        if (format == OutputFormat.json) {
            out.println(written > 0 ? "\n]" : "]");
        }
        out.flush();
    }
}
