package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import dev.posctl.output.JUnitReport;
import dev.posctl.output.MarkdownSummary;
import dev.posctl.update.RunTally;
import dev.posctl.update.UpdateResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
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

    /** Opens the JUnit report at once (an unwritable path stops the run before it sends); null when there is nothing to write. */
    static CiReports open(BulkOptions bulk, CommonOptions common, String title) {
        var env = common.env();
        Path summaryFile = summaryFile(bulk, common);
        JUnitReport junit = bulk.report != null && bulk.reportFormat == BulkOptions.ReportFormat.junit
            ? new JUnitReport(env.cwd().resolve(bulk.report), title) : null;
        if (junit == null && summaryFile == null) {
            return null;
        }
        return new CiReports(junit, summaryFile == null ? null : new MarkdownSummary(title), summaryFile);
    }

    static Path summaryFile(BulkOptions bulk, CommonOptions common) {
        if (bulk.summaryMd != null) {
            return common.env().cwd().resolve(bulk.summaryMd);
        }
        String step = common.env().get("GITHUB_STEP_SUMMARY");
        return step == null || step.isBlank() ? null : common.env().cwd().resolve(step);
    }

    void add(UpdateResult r) {
        ObjectNode line = r.toReport();
        if (junit != null) {
            junit.add(line);
        }
        if (summary != null) {
            var changed = line.putArray("changed");
            r.changed().forEach(changed::add);
            summary.add(line);
        }
    }

    /** Writes both; the first that cannot be written is returned (the run then exits 7), the other is still written. */
    PosctlException finish(RunTally tally) {
        PosctlException failure = null;
        if (junit != null) {
            try {
                junit.finish(tally.seconds());
            } catch (PosctlException e) {
                failure = e;
            }
        }
        if (summary != null) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (UpdateResult.Status s : UpdateResult.Status.values()) {
                if (s == UpdateResult.Status.updated || s == UpdateResult.Status.unchanged || s == UpdateResult.Status.failed
                    || tally.count(s) > 0) {
                    counts.put(s.name(), tally.count(s));
                }
            }
            try {
                // appended: every step of a job adds to the same page
                Files.writeString(summaryFile, summary.render(counts, tally.summary()), StandardCharsets.UTF_8,
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
