package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.sandbox.EmbeddedSandboxes;
import dev.posctl.sandbox.SandboxStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset", sortOptions = false,
    description = {"Restore the sandbox's demo data, discarding every change.",
        "Safe while a sandbox is serving the same file: it sees the demo data on its next request."})
public final class SandboxResetCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "FILE",
        description = "The data file (default: POSCTL_SANDBOX_DATA, else $XDG_DATA_HOME/posctl/sandbox.json).")
    Path data;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Path file = EmbeddedSandboxes.dataFile(data, common.env());
        try {
            SandboxStore.reset(file);
        } catch (IOException e) {
            throw new PosctlException(ExitCode.CONFIG, "cannot reset sandbox data file " + file + ": " + e.getMessage(), e);
        }
        common.note("posctl: sandbox data in " + file + " restored to the demo data");
        return ExitCode.OK;
    }
}
