package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import dev.posctl.output.JUnitReport;
import dev.posctl.output.MarkdownSummary;
import dev.posctl.run.Outcome;
import dev.posctl.run.RunTally;
import dev.posctl.validate.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports a CI job reads after a run: --report FILE --report-format junit, and the Markdown
 * summary (--summary-md FILE, or $GITHUB_STEP_SUMMARY in GitHub Actions). Fed every outcome as the
 * run goes, written when it ends.
 */
final class CiReports implements AutoCloseable {
    private final JUnitReport junit;
    private final MarkdownSummary summary;
    private final Path summaryFile;

    private CiReports(JUnitReport junit, MarkdownSummary summary, Path summaryFile) {
        this.junit = junit;
        this.summary = summary;
        this.summaryFile = summaryFile;
    }

    /**
     * Opens the JUnit report at once (an unwritable path stops the run before it sends); null when
     * there is nothing to write. The NDJSON report is the run's own (see {@link dev.posctl.run.Run}).
     */
    static CiReports open(BulkOptions bulk, CommonOptions common, String title) {
        return open(bulk.send.report, bulk.send.reportFormat, bulk.send.summaryMd, common, title);
    }

    private static CiReports open(Path report, BulkOptions.ReportFormat format, Path summaryMd,
                                  CommonOptions common, String title) {
        var env = common.env();
        Path summaryFile = summaryFile(summaryMd, common);
        JUnitReport junit = report != null && format == BulkOptions.ReportFormat.junit
            ? new JUnitReport(env.cwd().resolve(report), title) : null;
        if (junit == null && summaryFile == null) {
            return null;
        }
        return new CiReports(junit, summaryFile == null ? null : new MarkdownSummary(title), summaryFile);
    }

    /**
     * Input that failed validation sends nothing, and a CI job still gets its report and summary:
     * each error as a failed test case at its file and line.
     *
     * @return the report or summary that could not be written, or null
     */
    static PosctlException rejected(BulkOptions bulk, CommonOptions common, String title, List<Problem> problems) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (CiReports ci = open(bulk, common, title)) {
            if (ci == null) {
                return null;
            }
            long errors = 0;
            for (Problem p : problems) {
                if (!p.isError()) {
                    continue;
                }
                errors++;
                ObjectNode line = JsonNodeFactory.instance.objectNode();
                line.put("source", p.location().source());
                line.put("line", p.location().line());
                line.put("document", p.location().document());
                line.putNull("user");
                line.putNull("id");
                line.put("status", "failed");
                line.put("httpStatus", 0);
                line.put("errorCode", p.code().code());
                line.putNull("requestId");
                line.put("error", (p.path().isEmpty() ? "" : p.path() + ": ") + p.message());
                ci.add(line);
            }
            counts.put("failed", errors);
            return ci.finish(counts, errors + (errors == 1 ? " error" : " errors") + " in the input: nothing was sent", 0);
        }
    }

    static Path summaryFile(Path summaryMd, CommonOptions common) {
        if (summaryMd != null) {
            return common.env().cwd().resolve(summaryMd);
        }
        String step = common.env().get("GITHUB_STEP_SUMMARY");
        return step == null || step.isBlank() ? null : common.env().cwd().resolve(step);
    }

    void add(Outcome r) {
        ObjectNode line = r.toReport();
        var changed = line.putArray("changed");
        r.changed().forEach(changed::add);
        add(line);
    }

    /** @param line an outcome as a --report line: source, line, user, id, status, httpStatus, errorCode, requestId, error */
    void add(ObjectNode line) {
        if (junit != null) {
            junit.add(line);
        }
        if (summary != null) {
            summary.add(line);
        }
    }

    /** Writes all; the first that cannot be written is returned (the run then exits 7), the others are still written. */
    PosctlException finish(RunTally tally) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Outcome.Status s : tally.shown()) {
            counts.put(s.name(), tally.count(s));
        }
        for (Outcome.Status s : Outcome.Status.values()) {
            if (!counts.containsKey(s.name()) && tally.count(s) > 0) {
                counts.put(s.name(), tally.count(s));
            }
        }
        return finish(counts, tally.summary(), tally.seconds());
    }

    PosctlException finish(Map<String, Long> counts, String note, double seconds) {
        PosctlException failure = null;
        if (junit != null) {
            try {
                junit.finish(seconds);
            } catch (PosctlException e) {
                failure = e;
            }
        }
        if (summary != null) {
            try {
                // appended: every step of a job adds to the same page
                Files.writeString(summaryFile, summary.render(counts, note), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                if (failure == null) {
                    failure = new PosctlException(ExitCode.CONFIG, "summary " + summaryFile + ": cannot write: " + IoReasons.of(e));
                }
            }
        }
        return failure;
    }

    @Override
    public void close() {
        if (junit != null) {
            junit.close();
        }
    }
}
