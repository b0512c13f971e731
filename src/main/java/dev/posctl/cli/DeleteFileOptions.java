package dev.posctl.cli;

import dev.posctl.input.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code delete -f}: which documents name the positions, and how the deletes are sent and recorded (as for update). */
public final class DeleteFileOptions {
    @Option(names = {"-f", "--file"}, paramLabel = "PATH",
        description = "Documents naming the positions to delete by userId and id (other fields are ignored): a .json, "
            + ".ndjson/.jsonl or .yaml/.yml file, a directory of them, or - for stdin. Repeatable. All are read and checked before "
            + "anything is deleted.")
    List<String> files = new ArrayList<>();

    @Option(names = "--dry-run", description = "Delete nothing: print the DELETE requests that would be sent.")
    boolean dryRun;

    @Mixin
    BulkOptions bulk;

    boolean bulkOptionsGiven() {
        return dryRun || bulk.send.failFast || bulk.send.report != null || bulk.journal != null || bulk.resume || bulk.send.summaryMd != null;
    }

    void check(List<Source> inputs, Path cwd) {
        bulk.check();
        bulk.checkPaths(inputs, cwd);
    }
}
