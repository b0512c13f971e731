package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.input.RealPaths;
import dev.posctl.input.Source;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** What a run of create leaves for CI: the outcomes of its edits (NDJSON or JUnit XML) and a Markdown summary; update has them in {@link BulkOptions}. */
public final class ReportOptions {
    @Option(names = "--report", paramLabel = "FILE", description = "Write every edit's outcome to FILE (see --report-format).")
    Path report;

    @Option(names = "--report-format", paramLabel = "FORMAT",
        description = "ndjson: one JSON object per edit (default); junit: JUnit XML, one test case per edit, for CI test reports.")
    BulkOptions.ReportFormat reportFormat = BulkOptions.ReportFormat.ndjson;

    @Option(names = "--summary-md", paramLabel = "FILE",
        description = "Append a Markdown summary (counts, first failures) to FILE (default: $GITHUB_STEP_SUMMARY when set).")
    Path summaryMd;

    /** Refuses a format without a file, and a report or summary that is one of the inputs: writing it would destroy the edits. */
    void check(List<Source> inputs, Path cwd) {
        if (reportFormat != BulkOptions.ReportFormat.ndjson && report == null) {
            throw new PosctlException(ExitCode.USAGE, "--report-format " + reportFormat + " needs --report FILE");
        }
        for (Source s : inputs) {
            if (s.isStdin()) {
                continue;
            }
            Path in = RealPaths.of(s.path());
            for (Path out : new Path[] {report, summaryMd}) {
                if (out != null && in.equals(RealPaths.of(cwd.resolve(out)))) {
                    throw new PosctlException(ExitCode.USAGE, (out == report ? "--report " : "--summary-md ") + out + " is the input "
                        + s.name() + ": writing it would destroy the edits; give another file");
                }
            }
        }
    }
}
