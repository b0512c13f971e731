package dev.posctl.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.validate.Problem;
import java.io.PrintWriter;
import java.util.List;

/** Validation problems as text lines, JSON objects or GitHub Actions annotations. */
public final class ProblemRenderer {
    private final Style style;

    public ProblemRenderer(Style style) {
        this.style = style;
    }

    public void text(List<Problem> problems, PrintWriter out) {
        for (Problem p : problems) {
            String severity = p.isError() ? style.red(p.severity().label()) : style.yellow(p.severity().label());
            // file names, property names and values come from the input: none of their control characters reach a terminal
            StringBuilder sb = new StringBuilder(style.bold(TerminalText.escape(p.location().prefix()))).append(": ").append(severity).append(": ");
            if (!p.path().isEmpty()) {
                sb.append(TerminalText.escape(p.path())).append(": ");
            }
            out.println(sb.append(TerminalText.escape(p.message())));
        }
        out.flush();
    }

    public static ArrayNode json(List<Problem> problems) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (Problem p : problems) {
            arr.add(json(p));
        }
        return arr;
    }

    public static ObjectNode json(Problem p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", p.location().source());
        o.put("line", p.location().line());
        o.put("column", p.location().column());
        o.put("document", p.location().document());
        o.put("path", p.path());
        o.put("severity", p.severity().label());
        o.put("code", p.code().code());
        o.put("message", p.message());
        return o;
    }

    /** Each problem as a GitHub Actions annotation on its file and line. */
    public static void github(List<Problem> problems, PrintWriter out) {
        for (Problem p : problems) {
            out.println(Annotations.of(p.isError() ? "error" : "warning", p.location(), "posctl " + p.code().code(),
                p.path().isEmpty() ? p.message() : p.path() + ": " + p.message()));
        }
        out.flush();
    }
}
