package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.json.JsonTrees;
import dev.posctl.output.Annotations;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import dev.posctl.run.Outcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Update results on stdout. NDJSON and JSON stream as edits complete, so a million results never
 * sit in memory; a table needs all its rows, so past a limit it lists the failures only; -o github
 * prints failed and unknown edits as annotations on their file and line.
 */
final class ResultPrinter {
    static final int TABLE_LIMIT = 10_000;
    private final OutputFormat format;
    private final PrintWriter out;
    private final boolean terminal;
    private final int columns;
    private final List<Outcome> rows = new ArrayList<>();
    private long count;
    private long dropped;

    /** How -o github names the command in an annotation's title ("posctl update"). */
    private final String command;

    ResultPrinter(OutputFormat format, PrintWriter out, boolean terminal, int columns, String command) {
        this.command = command;
        this.format = format;
        this.out = out;
        this.terminal = terminal;
        this.columns = columns;
        if (format == OutputFormat.json) {
            out.print("[");
        }
    }

    void add(Outcome r) {
        if (format == OutputFormat.ndjson || format == OutputFormat.json) {
            ObjectNode row = r.toJson();
            synchronized (this) {
                if (format == OutputFormat.json) {
                    out.print(count == 0 ? "\n" : ",\n");
                }
                // straight into the writer's buffer: a String per result first cost a bulk run more
                // than the writing (char copies, Latin-1 compaction), and the cores are busy anyway
                JsonTrees.write(row, out, false);
                if (format == OutputFormat.ndjson) {
                    out.println();
                }
                count++;
            }
            return;
        }
        if (format == OutputFormat.github) {
            // a CI log wants the failures, on their lines, as they happen; the summary says the rest
            if (r.isFailure() || r.status() == Outcome.Status.unknown) {
                synchronized (this) {
                    out.println(annotation(r, command));
                    count++;
                }
            }
            return;
        }
        synchronized (this) {
            keep(r);
        }
    }

    static String annotation(Outcome r, String command) {
        String what = r.status() == Outcome.Status.unknown ? "outcome unknown" : "failed";
        return Annotations.of("error", r.source(), command + " " + what + (r.httpStatus() > 0 ? " (" + r.httpStatus() + ")" : ""),
            r.user() + (r.id() != null ? " " + r.id() : "") + ": " + (r.error() != null ? r.error() : what));
    }

    /** Streams what was written so far (once per chunk of results, not a system call per line). */
    synchronized void flush() {
        if (format == OutputFormat.ndjson || format == OutputFormat.json || format == OutputFormat.github) {
            out.flush();
        }
    }

    private void keep(Outcome r) {
        if (rows.size() < TABLE_LIMIT || r.isFailure() || r.status() == Outcome.Status.unknown) {
            rows.add(r);
        } else {
            dropped++;
        }
        count++;
    }

    /** Why stdout could not take the results ("no space left on device"), or null when it did. */
    synchronized String writeFailure() {
        return OutputWriter.failure(out);
    }

    /** @return a note for stderr when rows were left out of the table, else null */
    synchronized String finish(boolean dryRun) {
        if (format == OutputFormat.json) {
            out.println(count == 0 ? "]" : "\n]");
            out.flush();
            return null;
        }
        if (format == OutputFormat.ndjson || format == OutputFormat.github) {
            out.flush();
            return null;
        }
        if (dryRun && format == OutputFormat.table) {
            DryRunPrinter.print(rows, out);
        } else {
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            rows.forEach(r -> arr.add(r.toJson()));
            Renderer.of(format, terminal, columns, Views.RESULTS).render(arr, out);
        }
        out.flush();
        return dropped > 0 ? dropped + " successful results are not in the table (over " + TABLE_LIMIT
            + "); use -o ndjson or --report FILE for every result" : null;
    }
}
