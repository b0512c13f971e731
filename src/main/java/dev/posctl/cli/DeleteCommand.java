package dev.posctl.cli;

import dev.posctl.api.Connection;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "delete", sortOptions = false,
    description = "Delete a position. Asks first on a terminal; elsewhere --yes is required.")
public final class DeleteCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        var env = common.env();
        if (!yes) {
            if (!env.stdinTerminal()) {
                throw new PosctlException(ExitCode.USAGE, "refusing to delete without --yes when no one can be asked (stdin is not a terminal)");
            }
            common.err().print("Delete position " + target.id + " of " + target.user + "? [y/N] ");
            common.err().flush();
            String answer = new BufferedReader(new InputStreamReader(env.stdin(), StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.trim().toLowerCase(java.util.Locale.ROOT).matches("y|yes")) {
                common.err().println("posctl: not deleted");
                return ExitCode.OK;
            }
        }
        try (Connection c = endpoint.open(common)) {
            c.service().delete(target.user, target.id);
        }
        common.note("deleted position " + target.id + " of " + target.user);
        return ExitCode.OK;
    }
}
