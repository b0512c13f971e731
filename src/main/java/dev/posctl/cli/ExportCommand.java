package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.Connection;
import dev.posctl.config.ConfigKey;
import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import dev.posctl.export.DirectorySink;
import dev.posctl.export.DocumentSink;
import dev.posctl.export.Exporter;
import dev.posctl.export.StreamSink;
import dev.posctl.export.UserLines;
import dev.posctl.http.BatchClient;
import dev.posctl.output.OutputFormat;
import dev.posctl.run.Interrupts;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Formats(value = {OutputFormat.yaml, OutputFormat.ndjson, OutputFormat.json}, terminal = OutputFormat.yaml, pipe = OutputFormat.ndjson,
    terminalAlso = "with --dir")
@Command(name = "export", sortOptions = false,
    description = "Write users' positions as user documents ({userId, positions: [...]}), read-only fields left out.")
public final class ExportCommand implements Callable<Integer> {
    @Option(names = {"-u", "--user"}, paramLabel = "USER", converter = NonBlank.class,
        description = "A user to export: object id, userPrincipalName or 'me' (repeatable).")
    List<String> users = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
        description = "A file of users, one id or userPrincipalName a line ('#' comments); - for stdin (repeatable).")
    List<String> files = new ArrayList<>();

    @Option(names = "--all-users", description = "Every user in the directory (GET /users; needs User.Read.All).")
    boolean allUsers;

    @Option(names = "--dir", paramLabel = "DIR", description = "Write one file per user under DIR instead of to stdout.")
    Path dir;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = ConfigKey.Defaults.CONCURRENCY,
        description = "$batch requests (of 20 users) in flight at once (default: ${DEFAULT-VALUE}; env POSCTL_CONCURRENCY).")
    int concurrency;

    @Option(names = "--progress", paramLabel = "MODE",
        description = "auto: a count of exported users on a terminal; plain: a line every few seconds; off (default: auto).")
    BulkOptions.ProgressMode progress = BulkOptions.ProgressMode.auto;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws InterruptedException {
        var env = common.env();
        if (concurrency < 1 || concurrency > 256) {
            throw new PosctlException(ExitCode.USAGE, "--concurrency must be between 1 and 256, got " + concurrency);
        }
        if (allUsers == (!users.isEmpty() || !files.isEmpty())) {
            throw new PosctlException(ExitCode.USAGE, allUsers ? "--all-users exports every user: leave out --user and -f"
                : "name the users: --user U, -f FILE (one a line; - for stdin) or --all-users");
        }
        OutputFormat format = output.resolve(dir != null || env.stdoutTerminal());
        // stdin is kept in a temporary file, not in memory: it may name 100,000 users
        Path stdin = files.contains("-") ? spool(env) : null;
        try {
            // every file is checked before anything is read from the endpoint: a bad line fails the run, not half of it
            for (String f : files) {
                readFile(f, stdin, u -> { });
            }
            return export(format, stdin);
        } finally {
            if (stdin != null) {
                try {
                    Files.deleteIfExists(stdin);
                } catch (IOException e) {
                    common.note("posctl: cannot delete the temporary file " + stdin + ": " + IoReasons.of(e));
                }
            }
        }
    }

    private int export(OutputFormat format, Path stdin) throws InterruptedException {
        var env = common.env();
        ExportTally tally = new ExportTally(env.clock());
        try (Connection c = endpoint.open(common);
             DocumentSink sink = dir != null ? new DirectorySink(env.cwd().resolve(dir), format) : stopping(new StreamSink(common.out(), format));
             ProgressLine shown = ProgressLine.start(progress, common.quiet, env.stderrTerminal(), common.err(), tally::progress)) {
            BatchClient batch = new BatchClient(c.service().client(), c.service().paths(), endpoint.settings().http(), env.clock());
            Exporter exporter = new Exporter(c.service(), batch, concurrency, sink, tally.listener(common.err()));
            Interrupts interrupts = env.isRealProcess() ? Interrupts.install(exporter::stop,
                () -> common.note("\nposctl: stopping: finishing the reads in flight (Ctrl-C again to abort)"),
                () -> {
                    common.err().println("\nposctl: aborted: " + (dir != null ? "the files written under " + dir + " are whole"
                        : "the output may end inside a user's document"));
                    common.err().flush();
                }) : null;
            try {
                for (String u : users) {
                    exporter.submit(u);
                }
                for (String f : files) {
                    readFile(f, stdin, exporter::submit);
                }
                if (allUsers) {
                    c.service().users((id, upn) -> {
                        // the name people know, for the document and the file; the id when there is none
                        exporter.submit(upn != null ? upn : id);
                        return !exporter.stopped();
                    });
                }
                exporter.finish();
            } catch (RuntimeException | InterruptedException e) {
                exporter.abort();
                throw e;
            } finally {
                if (interrupts != null) {
                    interrupts.close();
                }
            }
            if (exporter.stopped()) {
                tally.stopped(exporter.notExported(), allUsers);
            }
        }
        common.note(tally.summary());
        if (tally.interrupted()) {
            common.err().println("posctl: interrupted");
            common.err().flush();
            return ExitCode.INTERRUPTED;
        }
        return tally.exitCode();
    }

    private Path spool(dev.posctl.core.Environment env) {
        String tmp = env.get("TMPDIR");
        Path dir = tmp != null && !tmp.isBlank() ? Path.of(tmp) : Path.of("/tmp");
        Path file = null;
        try {
            file = Files.createTempFile(dir, "posctl-users-", ".txt");
            Files.copy(env.stdin(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the copy's failure is the one to report
                }
            }
            throw new PosctlException(ExitCode.CONFIG, "cannot keep stdin's users in a temporary file in " + dir + ": "
                + IoReasons.of(e) + "; set TMPDIR to a writable directory");
        }
    }

    /** @param stdin where stdin was spooled, for the name "-" */
    private void readFile(String name, Path stdin, UserLines.Sink sink) throws InterruptedException {
        boolean isStdin = name.equals("-");
        Path path = isStdin ? stdin : common.env().cwd().resolve(name);
        try (InputStream in = Files.newInputStream(path)) {
            UserLines.read(in, isStdin ? "<stdin>" : name, sink);
        } catch (IOException e) {
            throw new PosctlException(ExitCode.INVALID_INPUT, name + ": cannot read: " + IoReasons.of(e));
        }
    }

    /** Stdout that stops taking data (a closed pipe, a full disk) stops the export: reading on would be for nothing. */
    private DocumentSink stopping(DocumentSink stdout) {
        PrintWriter out = common.out();
        return new DocumentSink() {
            private long written;

            @Override
            public void write(String userId, ObjectNode document) {
                stdout.write(userId, document);
                String failure = OutputWriter.failure(out);
                if (failure != null) {
                    throw new PosctlException(ExitCode.CONFIG, "cannot write the output: " + failure + "; export stopped after "
                        + written + (written == 1 ? " user" : " users"));
                }
                written++;
            }

            @Override
            public void close() {
                stdout.close();
            }
        };
    }
}
