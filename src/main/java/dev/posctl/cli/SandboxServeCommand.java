package dev.posctl.cli;

import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.sandbox.Chaos;
import dev.posctl.sandbox.EmbeddedSandboxes;
import dev.posctl.sandbox.SandboxDataException;
import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", sortOptions = false,
    description = {"Serve the sandbox on 127.0.0.1 until interrupted (Ctrl-C).",
        "The first line on stdout is the base URL, for example http://127.0.0.1:41234/beta;"
            + " scripts can read it and pass it to --endpoint.",
        "Data lives in POSCTL_SANDBOX_DATA, else $XDG_DATA_HOME/posctl/sandbox.json; several posctl"
            + " processes may share it safely."})
public final class SandboxServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1; 0 (the default) picks a free one.")
    int port;

    @Option(names = "--data", paramLabel = "FILE", description = "The JSON data file; created with the demo data if absent.")
    Path data;

    @Option(names = "--demo-users", paramLabel = "N",
        description = "Also create users user0@contoso.com ... each with one current position pos-0 ... (for demos and benchmarks).")
    int demoUsers;

    @Option(names = "--memory", description = "Keep data in memory only (seeded with the demo data); nothing is written.")
    boolean memory;

    @Option(names = "--token", paramLabel = "T", description = "Require 'Authorization: Bearer T' on every request.")
    String token;

    @Option(names = "--me", paramLabel = "USER", description = "The user /me stands for (default: adele@contoso.com).")
    String me;

    @Option(names = "--patch-204", description = "Answer PATCH with 204 and no body, as the generated API description says.")
    boolean patch204;

    @Option(names = "--page-size", paramLabel = "N", description = "Positions per list page without $top (default: 10).")
    int pageSize = SandboxOptions.DEFAULT_PAGE_SIZE;

    @Option(names = "--chaos", paramLabel = "SPEC",
        description = "Inject faults, e.g. throttle=0.2,error=0.05,reset=0.02,latency=20ms..80ms,retryAfter=0.5.")
    String chaos;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for --chaos, to repeat a run's faults exactly.")
    Long seed;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new PosctlException(ExitCode.USAGE, "--port must be between 0 and 65535, not " + port);
        }
        if (pageSize < 1) {
            throw new PosctlException(ExitCode.USAGE, "--page-size must be at least 1, not " + pageSize);
        }
        if (memory && data != null) {
            throw new PosctlException(ExitCode.USAGE, "--memory and --data exclude each other");
        }
        long chaosSeed = seed != null ? seed : System.nanoTime();
        Chaos faults;
        try {
            faults = Chaos.parse(chaos, chaosSeed);
        } catch (IllegalArgumentException e) {
            throw new PosctlException(ExitCode.USAGE, "--" + e.getMessage());
        }
        Path file = memory ? null : EmbeddedSandboxes.dataFile(data, common.env());
        SandboxOptions options = SandboxOptions.builder().dataFile(file).port(port).token(token).meUser(me)
            .patchReturnsNoContent(patch204).pageSize(pageSize).chaos(faults).build();
        if (demoUsers < 0) {
            throw new PosctlException(ExitCode.USAGE, "--demo-users must be 0 or more, not " + demoUsers);
        }
        SandboxServer server = Serving.start(options);
        if (demoUsers > 0) {
            server.store().seedUsers(demoUsers);
        }
        common.out().println(server.baseUri());
        common.out().flush();
        common.note("posctl: sandbox serving " + server.baseUri() + " with "
            + (file == null ? "data in memory" : "data in " + file)
            + (faults.isNone() ? "" : ", chaos " + faults + " (seed " + chaosSeed + ")")
            + "; press Ctrl-C to stop");
        return Serving.untilStopped(server);
    }

    /**
     * What touches the sandbox classes in signatures or catch clauses lives here, so that building the
     * command tree (picocli reflects over this class for every command, even --version) loads none of them.
     */
    private static final class Serving {
        private Serving() {}

        static int untilStopped(SandboxServer server) {
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "posctl-sandbox-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
                return ExitCode.OK;
            } catch (InterruptedException e) {
                // an embedding caller (or a test) stops the server by interrupting this thread
                Thread.currentThread().interrupt();
                return ExitCode.INTERRUPTED;
            } finally {
                server.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook is running or has run
                }
            }
        }

        static SandboxServer start(SandboxOptions options) {
            try {
                return SandboxServer.start(options);
            } catch (SandboxDataException e) {
                throw new PosctlException(ExitCode.CONFIG, e.getMessage(), e);
            } catch (BindException e) {
                throw new PosctlException(ExitCode.USAGE, "cannot listen on 127.0.0.1 port " + options.port()
                    + ": " + e.getMessage() + " (choose another --port, or 0 for any free one)", e);
            } catch (IOException e) {
                throw new PosctlException(ExitCode.CONFIG, options.dataFile() == null
                    ? "cannot start the sandbox: " + e.getMessage()
                    : "cannot use sandbox data file " + options.dataFile() + ": " + e.getMessage(), e);
            }
        }
    }
}
