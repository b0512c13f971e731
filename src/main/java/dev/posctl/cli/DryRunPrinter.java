package dev.posctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.output.JsonRenderer;
import dev.posctl.output.TerminalText;
import dev.posctl.run.Outcome;
import java.io.PrintWriter;
import java.util.List;

/** --dry-run for people: each request as it would go on the wire, headers redacted, control characters escaped. */
final class DryRunPrinter {
    private DryRunPrinter() {}

    static void print(List<Outcome> results, PrintWriter out) {
        for (Outcome r : results) {
            JsonNode req = r.request();
            if (req == null) {
                out.println(TerminalText.escape("# " + r.user() + " " + r.id() + ": " + r.status() + (r.error() != null ? ": " + r.error()
                    : r.status() == Outcome.Status.unchanged ? ": nothing to send: the position already has these values" : "")));
                out.println();
                continue;
            }
            out.println(TerminalText.escape(req.get("method").asText() + " " + req.get("url").asText()));
            req.get("headers").fields().forEachRemaining(h -> out.println(TerminalText.escape(h.getKey() + ": " + h.getValue().asText())));
            out.println();
            if (req.has("body")) {
                out.println(JsonRenderer.pretty(req.get("body")));
                out.println();
            }
        }
        out.flush();
    }
}
