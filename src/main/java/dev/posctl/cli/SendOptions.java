package dev.posctl.cli;

import dev.posctl.config.ConfigKey;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How a run's requests go out and what it reports, for every command that writes: update, create,
 * delete -f and apply take them with their journal ({@link BulkOptions}), undo with its own.
 */
public final class SendOptions {
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
    BulkOptions.ProgressMode progress = BulkOptions.ProgressMode.auto;

    @Option(names = "--report", paramLabel = "FILE", description = "Write every edit's outcome to FILE (see --report-format).")
    Path report;

    @Option(names = "--report-format", paramLabel = "FORMAT",
        description = "ndjson: one JSON object per edit (default); junit: JUnit XML, one test case per edit, for CI test reports.")
    BulkOptions.ReportFormat reportFormat = BulkOptions.ReportFormat.ndjson;

    @Option(names = "--summary-md", paramLabel = "FILE",
        description = "Append a Markdown summary (counts, first failures, the plan of a dry run) to FILE (default: $GITHUB_STEP_SUMMARY when set).")
    Path summaryMd;

    void check() {
        if (concurrency < 1 || concurrency > 256) {
            throw new PosctlException(ExitCode.USAGE, "--concurrency must be between 1 and 256, got " + concurrency);
        }
        if (batchSize < 1 || batchSize > 20) {
            throw new PosctlException(ExitCode.USAGE, "--batch-size must be between 1 and 20 (Graph's $batch limit), got " + batchSize);
        }
        if (reportFormat != BulkOptions.ReportFormat.ndjson && report == null) {
            throw new PosctlException(ExitCode.USAGE, "--report-format " + reportFormat + " needs --report FILE");
        }
    }
}
