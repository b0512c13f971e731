package dev.posctl.output;

/** The {@code -o} formats. Each command says which of them it supports. */
public enum OutputFormat {
    table, text, json, yaml, ndjson, github, sarif
}
