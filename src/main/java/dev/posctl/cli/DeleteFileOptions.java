package dev.posctl.cli;

import dev.posctl.config.ConfigKey;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.input.RealPaths;
import dev.posctl.input.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code delete -f}: which documents name the positions, and how the deletes are sent and recorded. */
public final class DeleteFileOptions {
    @Option(names = {"-f", "--file"}, paramLabel = "PATH",
        description = "Documents naming the positions to delete by userId and id (other fields are ignored): a .json, "
            + ".ndjson/.jsonl or .yaml/.yml file, a directory of them, or - for stdin. Repeatable. All are read and checked before "
            + "anything is deleted.")
    List<String> files = new ArrayList<>();

    @Option(names = "--dry-run", description = "Delete nothing: print the DELETE requests that would be sent.")
    boolean dryRun;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = ConfigKey.Defaults.CONCURRENCY,
        description = "With -f: requests in flight at once (default: ${DEFAULT-VALUE}; env POSCTL_CONCURRENCY).")
    int concurrency;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "20",
        description = "With -f: deletes per JSON $batch request, 1 to 20; 1 sends every request on its own (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--fail-fast", description = "With -f: stop sending at the first failed delete.")
    boolean failFast;

    @Option(names = "--report", paramLabel = "FILE", description = "With -f: write every delete's outcome to FILE, one JSON object a line.")
    Path report;

    @Option(names = "--journal", paramLabel = "FILE",
        description = "With -f: record each position's full body before it is deleted, and each outcome, so an interrupted run can "
            + "be resumed and the deleted positions recreated.")
    Path journal;

    @Option(names = "--resume", description = "With --journal: skip the deletes the journal records as done.")
    boolean resume;

    boolean bulkOptionsGiven() {
        return dryRun || failFast || report != null || journal != null || resume;
    }

    void check(List<Source> inputs, Path cwd) {
        if (concurrency < 1 || concurrency > 256) {
            throw new PosctlException(ExitCode.USAGE, "--concurrency must be between 1 and 256, got " + concurrency);
        }
        if (batchSize < 1 || batchSize > 20) {
            throw new PosctlException(ExitCode.USAGE, "--batch-size must be between 1 and 20 (Graph's $batch limit), got " + batchSize);
        }
        if (resume && journal == null) {
            throw new PosctlException(ExitCode.USAGE, "--resume needs --journal FILE");
        }
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
            if (in.equals(j) || in.equals(r)) {
                throw new PosctlException(ExitCode.USAGE, (in.equals(j) ? "--journal " + journal : "--report " + report)
                    + " is the input " + s.name() + ": writing it would destroy the list of deletes; give another file");
            }
        }
    }
}
