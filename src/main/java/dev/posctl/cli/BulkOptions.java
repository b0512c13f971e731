package dev.posctl.cli;

import dev.posctl.config.ConfigKey;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.input.RealPaths;
import dev.posctl.input.Source;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** How many edits are sent at once, and what a long run leaves behind. */
public final class BulkOptions {
    public enum ProgressMode { auto, plain, off }

    public enum ReportFormat { ndjson, junit }

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = ConfigKey.Defaults.CONCURRENCY,
        description = "Requests in flight at once (default: ${DEFAULT-VALUE}; env POSCTL_CONCURRENCY).")
    int concurrency;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "20",
        description = "Edits per JSON $batch request, 1 to 20; 1 sends every request on its own (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--fail-fast", description = "Stop sending at the first failed edit.")
    boolean failFast;

    @Option(names = "--progress", paramLabel = "MODE",
        description = "auto: a progress line on a terminal; plain: a line every few seconds (for CI logs); off (default: auto).")
    ProgressMode progress = ProgressMode.auto;

    @Option(names = "--report", paramLabel = "FILE", description = "Write every edit's outcome to FILE (see --report-format).")
    Path report;

    @Option(names = "--report-format", paramLabel = "FORMAT",
        description = "ndjson: one JSON object per edit (default); junit: JUnit XML, one test case per edit, for CI test reports.")
    ReportFormat reportFormat = ReportFormat.ndjson;

    @Option(names = "--summary-md", paramLabel = "FILE",
        description = "Append a Markdown summary (counts, first failures, the plan of a dry run) to FILE (default: $GITHUB_STEP_SUMMARY when set).")
    Path summaryMd;

    @Option(names = "--journal", paramLabel = "FILE",
        description = "Record each edit's outcome as soon as it is known, so an interrupted run can be resumed.")
    Path journal;

    @Option(names = "--resume", description = "With --journal: skip the edits the journal records as done.")
    boolean resume;

    void check() {
        if (concurrency < 1 || concurrency > 256) {
            throw new PosctlException(ExitCode.USAGE, "--concurrency must be between 1 and 256, got " + concurrency);
        }
        if (batchSize < 1 || batchSize > 20) {
            throw new PosctlException(ExitCode.USAGE, "--batch-size must be between 1 and 20 (Graph's $batch limit), got " + batchSize);
        }
        if (reportFormat != ReportFormat.ndjson && report == null) {
            throw new PosctlException(ExitCode.USAGE, "--report-format " + reportFormat + " needs --report FILE");
        }
        if (resume && journal == null) {
            throw new PosctlException(ExitCode.USAGE, "--resume needs --journal FILE");
        }
    }

    /**
     * Refuses a --journal or --report that is one of the inputs, or both the same file, before any
     * is opened: writing one would destroy the other.
     */
    void checkPaths(List<Source> inputs, Path cwd) {
        Path j = journal == null ? null : RealPaths.of(cwd.resolve(journal));
        Path r = report == null ? null : RealPaths.of(cwd.resolve(report));
        if (j != null && j.equals(r)) {
            throw new PosctlException(ExitCode.USAGE, "--journal and --report name the same file (" + journal + "); give two files");
        }
        for (Source s : inputs) {
            if (s.isStdin()) {
                continue;
            }
            Path in = RealPaths.of(s.path());
            if (summaryMd != null && in.equals(RealPaths.of(cwd.resolve(summaryMd)))) {
                throw new PosctlException(ExitCode.USAGE, "--summary-md " + summaryMd + " is the input " + s.name()
                    + ": writing it would destroy the edits; give another file");
            }
            if (in.equals(j) || in.equals(r)) {
                throw new PosctlException(ExitCode.USAGE, (in.equals(j) ? "--journal " + journal : "--report " + report)
                    + " is the input " + s.name() + ": writing it would destroy the edits; give another file");
            }
        }
    }
}
