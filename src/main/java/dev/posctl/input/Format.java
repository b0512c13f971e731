package dev.posctl.input;

import java.util.Locale;

/** How an input is laid out; chosen by file extension, sniffed for stdin. */
public enum Format {
    /** One JSON object, an array of objects, or objects one after another. */
    JSON,
    /** One JSON object per line; a bad line does not hide the lines after it. */
    NDJSON,
    /** One or more YAML documents separated by {@code ---}. */
    YAML;

    /** The format for a file name, or null when the extension is not one posctl reads. */
    public static Format forFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return YAML;
        }
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return NDJSON;
        }
        if (n.endsWith(".json")) {
            return JSON;
        }
        return null;
    }
}
