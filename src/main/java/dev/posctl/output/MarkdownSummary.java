package dev.posctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A short Markdown account of a run for a CI page ({@code $GITHUB_STEP_SUMMARY}): the counts by
 * status, the first failures and, for a dry run, the first planned edits (the plan). Every text from
 * the input or the server is escaped: the page renders Markdown and HTML.
 */
public final class MarkdownSummary {
    static final int LISTED = 10;
    static final int LONGEST = 200;

    private final String title;
    private final List<ObjectNode> failures = new ArrayList<>();
    private final List<ObjectNode> planned = new ArrayList<>();
    private long failureCount;
    private long plannedCount;

    public MarkdownSummary(String title) {
        this.title = title;
    }

    /** @param line an edit's outcome as a --report NDJSON line, with its changed fields when known */
    public synchronized void add(ObjectNode line) {
        String status = line.path("status").asText();
        if (status.equals("failed") || status.equals("unknown")) {
            if (failureCount++ < LISTED) {
                failures.add(line);
            }
        } else if (status.equals("planned")) {
            if (plannedCount++ < LISTED) {
                planned.add(line);
            }
        }
    }

    /** @param counts the run's counts by status, in the order shown; a trailing note (time, not sent) may follow */
    public synchronized String render(Map<String, Long> counts, String note) {
        StringBuilder b = new StringBuilder("### ").append(escape(title)).append("\n\n");
        Map<String, Long> shown = new LinkedHashMap<>(counts);
        b.append("| ").append(String.join(" | ", shown.keySet())).append(" |\n|");
        shown.keySet().forEach(k -> b.append(" ---: |"));
        b.append("\n|");
        shown.values().forEach(v -> b.append(' ').append(v).append(" |"));
        b.append("\n\n");
        if (note != null) {
            b.append(escape(note)).append("\n\n");
        }
        if (!planned.isEmpty()) {
            b.append("**Planned** (").append(listed(planned.size(), plannedCount)).append(", nothing was written)\n\n")
                .append("| edit | user | id | fields |\n| --- | --- | --- | --- |\n");
            for (ObjectNode p : planned) {
                List<String> fields = new ArrayList<>();
                p.path("changed").forEach(f -> fields.add(f.asText()));
                b.append("| ").append(where(p)).append(" | ").append(cell(p.get("user"))).append(" | ").append(cell(p.get("id")))
                    .append(" | ").append(escape(String.join(", ", fields))).append(" |\n");
            }
            b.append('\n');
        }
        if (!failures.isEmpty()) {
            b.append("**Failures** (").append(listed(failures.size(), failureCount)).append(")\n\n")
                .append("| edit | user | id | HTTP | error | request-id |\n| --- | --- | --- | ---: | --- | --- |\n");
            for (ObjectNode f : failures) {
                int http = f.path("httpStatus").asInt();
                b.append("| ").append(where(f)).append(" | ").append(cell(f.get("user"))).append(" | ").append(cell(f.get("id")))
                    .append(" | ").append(http > 0 ? String.valueOf(http) : "").append(" | ").append(cell(f.get("error")))
                    .append(" | ").append(cell(f.get("requestId"))).append(" |\n");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String listed(int shown, long all) {
        return shown == all ? String.valueOf(all) : "first " + shown + " of " + all;
    }

    private static String where(ObjectNode line) {
        String source = line.path("source").isTextual() ? line.get("source").asText() : "";
        int n = line.path("line").asInt();
        return escape(n > 0 ? source + ":" + n : source);
    }

    private static String cell(JsonNode n) {
        return n == null || n.isNull() ? "" : escape(n.asText());
    }

    /**
     * One table cell of plain text: control characters and line breaks become spaces, Markdown and
     * HTML characters are escaped (a server message must not become a link, an image or markup).
     */
    static String escape(String s) {
        String t = s.length() > LONGEST ? s.substring(0, LONGEST) + "…" : s;
        StringBuilder b = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(' ');
            } else if (c == '&') {
                b.append("&amp;");
            } else if (c == '<') {
                b.append("&lt;");
            } else if (c == '>') {
                b.append("&gt;");
            } else if ("\\`*_{}[]()#+-.!|~:@".indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
