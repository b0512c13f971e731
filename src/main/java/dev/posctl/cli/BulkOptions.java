package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.input.RealPaths;
import dev.posctl.input.Source;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How many edits are sent at once, and what a long run leaves behind. */
public final class BulkOptions {
    public enum ProgressMode { auto, plain, off }

    public enum ReportFormat { ndjson, junit }

    /** Mixed in first, so that help lists these before the journal's options. */
    @Mixin
    SendOptions send = new SendOptions();

    @Option(names = "--journal", paramLabel = "FILE",
        description = "Record each edit's outcome as soon as it is known, so an interrupted run can be resumed.")
    Path journal;

    @Option(names = "--resume", description = "With --journal: skip the edits the journal records as done.")
    boolean resume;

    void check() {
        send.check();
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
        Path r = send.report == null ? null : RealPaths.of(cwd.resolve(send.report));
        if (j != null && j.equals(r)) {
            throw new PosctlException(ExitCode.USAGE, "--journal and --report name the same file (" + journal + "); give two files");
        }
        for (Source s : inputs) {
            if (s.isStdin()) {
                continue;
            }
            Path in = RealPaths.of(s.path());
            if (send.summaryMd != null && in.equals(RealPaths.of(cwd.resolve(send.summaryMd)))) {
                throw new PosctlException(ExitCode.USAGE, "--summary-md " + send.summaryMd + " is the input " + s.name()
                    + ": writing it would destroy the edits; give another file");
            }
            if (in.equals(j) || in.equals(r)) {
                throw new PosctlException(ExitCode.USAGE, (in.equals(j) ? "--journal " + journal : "--report " + send.report)
                    + " is the input " + s.name() + ": writing it would destroy the edits; give another file");
            }
        }
    }
}
