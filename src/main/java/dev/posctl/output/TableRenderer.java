package dev.posctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aligned columns named by dotted paths ({@code detail.company.displayName}). On a terminal the
 * widest cells are shortened with an ellipsis to fit; piped output is never cut. Control characters
 * in names and values are shown as escapes ({@link TerminalText}), also when piped.
 */
public final class TableRenderer implements Renderer {
    private static final int MIN_WIDTH = 6;
    private static final String GAP = "  ";
    private final int width;
    private final List<String> columns;

    public TableRenderer(int width, List<String> columns) {
        this.width = width;
        this.columns = columns;
    }

    @Override
    public void render(JsonNode data, PrintWriter out) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(r -> rows.add(flatten(r)));
        } else if (!data.isMissingNode() && !data.isNull()) {
            rows.add(flatten(data));
        }
        List<String> cols = columns.isEmpty() ? union(rows) : columns;
        if (cols.isEmpty()) {
            out.flush();
            return;
        }
        int[] w = new int[cols.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = header(cols.get(c)).length();
            for (Map<String, String> r : rows) {
                w[c] = Math.max(w[c], r.getOrDefault(key(cols.get(c)), "").length());
            }
        }
        fit(w);
        line(out, w, cols, c -> header(cols.get(c)));
        for (Map<String, String> r : rows) {
            line(out, w, cols, c -> r.getOrDefault(key(cols.get(c)), ""));
        }
        out.flush();
    }

    /** A column is a path, or {@code path|TITLE} to give it a shorter title. */
    static String header(String column) {
        int bar = column.indexOf('|');
        return bar >= 0 ? column.substring(bar + 1) : column.toUpperCase(java.util.Locale.ROOT);
    }

    static String key(String column) {
        int bar = column.indexOf('|');
        return bar >= 0 ? column.substring(0, bar) : column;
    }

    private void fit(int[] w) {
        int total = (w.length - 1) * GAP.length();
        for (int x : w) {
            total += x;
        }
        while (total > width) {
            int widest = 0;
            for (int i = 1; i < w.length; i++) {
                if (w[i] > w[widest]) {
                    widest = i;
                }
            }
            if (w[widest] <= MIN_WIDTH) {
                return;
            }
            w[widest]--;
            total--;
        }
    }

    private interface Cell {
        String at(int column);
    }

    private static void line(PrintWriter out, int[] w, List<String> cols, Cell cell) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cols.size(); c++) {
            String v = cell.at(c);
            if (v.length() > w[c]) {
                v = v.substring(0, w[c] - 1) + "\u2026";
            }
            sb.append(v);
            if (c < cols.size() - 1) {
                sb.append(" ".repeat(w[c] - v.length())).append(GAP);
            }
        }
        out.println(sb.toString().stripTrailing());
    }

    private static List<String> union(List<Map<String, String>> rows) {
        Set<String> all = new LinkedHashSet<>();
        rows.forEach(r -> all.addAll(r.keySet()));
        return new ArrayList<>(all);
    }

    /** Nested objects become dotted keys; arrays of scalars are joined with commas. */
    public static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().startsWith("@odata")) {
                    continue;
                }
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : node) {
                parts.add(item.isValueNode() ? item.asText() : JsonRenderer.compact(item));
            }
            put(out, prefix, String.join(",", parts));
        } else if (!node.isNull()) {
            put(out, prefix, node.asText());
        } else {
            put(out, prefix, "");
        }
    }

    /** Names and values come from the server or the input: no control character of theirs reaches a terminal. */
    private static void put(Map<String, String> out, String key, String value) {
        out.put(TerminalText.escape(key), TerminalText.escape(value));
    }
}
