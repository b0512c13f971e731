package dev.posctl.cli;

import dev.posctl.core.Environment;
import dev.posctl.http.HttpWarmup;
import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The launcher runs this once under {@code -XX:DumpLoadedClassList} to record which classes posctl's
 * common commands load, so that its class-data-sharing archive covers them. Every command
 * runs for real, in one JVM, against a scratch directory and the embedded sandbox; output is dropped.
 * Not a user command: {@code java -cp posctl.jar dev.posctl.cli.CdsTraining}.
 */
public final class CdsTraining {
    private CdsTraining() {}

    static final List<List<String>> COMMANDS = List.of(
        List.of("--version"),
        List.of("--help"),
        List.of("help", "validate"),
        List.of("validate", "-f", "edit.yaml"),
        List.of("validate", "-f", "edit.json"),
        List.of("validate", "-f", "edits.ndjson", "-o", "text"),
        List.of("validate", "--user", "adele@contoso.com", "--id", "x", "--job-title", "PM", "--start", "2021-03"),
        List.of("schema", "detail.company"),
        List.of("update", "--user", "adele@contoso.com", "--current", "--job-title", "Principal PM", "-o", "table"),
        List.of("update", "-f", "edit.yaml", "--dry-run"),
        // two edits: the bulk path, with $batch reads and writes and streamed NDJSON results
        List.of("update", "-f", "edits.ndjson", "-o", "ndjson", "--progress", "plain"),
        List.of("list", "--user", "adele@contoso.com", "-o", "json"),
        List.of("diff", "--user", "adele@contoso.com", "--current", "--role", "Lead"));

    /**
     * Run again as main runs a line, against the sandbox over HTTP with a token: the command built
     * alone, and the token, loopback and endpoint checks a configured endpoint goes through (the
     * embedded sandbox above skips them). Without these a real update verified and linked some forty
     * classes of its own at every start.
     */
    static final List<List<String>> OVER_HTTP = List.of(
        List.of("update", "--user", "adele@contoso.com", "--current", "--job-title", "Principal PM"),
        List.of("update", "-f", "edits.ndjson", "-o", "ndjson"),
        List.of("list", "--user", "adele@contoso.com"),
        List.of("validate", "-f", "edit.yaml"));

    private static int failed(PrintWriter err, List<String> command, int code) {
        if (code == 0 || code == 1) {
            return 0;
        }
        err.println("posctl cds training: " + String.join(" ", command) + " exited " + code);
        return 1;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("posctl-cds");
        String edit = "userId: adele@contoso.com\nid: 7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d\ndetail:\n  jobTitle: Principal PM\n";
        String json = "{\"userId\":\"adele@contoso.com\",\"id\":\"7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d\",\"detail\":{\"jobTitle\":\"PM\"}}";
        Files.writeString(dir.resolve("edit.yaml"), edit);
        Files.writeString(dir.resolve("edit.json"), json);
        Files.writeString(dir.resolve("edits.ndjson"), json + "\n" + json + "\n");
        Environment env = new Environment(Map.of("XDG_DATA_HOME", dir.resolve("data").toString(),
            "XDG_STATE_HOME", dir.resolve("state").toString(), "XDG_CONFIG_HOME", dir.resolve("config").toString(),
            "HOME", dir.toString()), System.in, false, false, false, dir, Clock.systemDefaultZone());
        Class<?> entryPoint = Main.class; // loaded (not run) so that the archive holds it too
        // what Main starts beside a command that sends requests; not its TLS part, whose ~800 classes
        // Java 25's AOT cache would load at every start of every command
        StartupWarmup.start();
        HttpWarmup warmup = HttpWarmup.start(false);
        if (!warmup.ended(10_000)) {
            warmup.stop();
        }
        PrintWriter err = Main.writer(FileDescriptor.err);
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        int failures = 0;
        for (List<String> command : COMMANDS) {
            failures += failed(err, command, CommandLineFactory.create(env, sink, sink).execute(command.toArray(String[]::new)));
        }
        // what main and a run in the real process set up around a command (the lines above are not the real process)
        FatalErrors.install(sink);
        try (dev.posctl.run.Interrupts signals = dev.posctl.run.Interrupts.install(() -> { }, () -> { }, () -> { })) {
            signals.interrupted();
        }
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.inMemory())) {
            // the real process's environment, as main's is: a run takes over Ctrl-C there, through lambdas
            // that are otherwise made anew at every start
            Environment overHttp = env.inner("POSCTL_ENDPOINT", sandbox.baseUri().toString()).inner("POSCTL_TOKEN", "training")
                .asRealProcess();
            for (List<String> command : OVER_HTTP) {
                String[] line = command.toArray(String[]::new);
                failures += failed(err, command, CommandLineFactory.create(overHttp, sink, sink, line).execute(line));
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        err.flush();
        PrintWriter out = Main.writer(FileDescriptor.out);
        out.println("posctl cds training: " + (COMMANDS.size() + OVER_HTTP.size()) + " commands, " + failures + " failed, for "
            + entryPoint.getName());
        out.flush();
        if (failures > 0) {
            System.exit(1);
        }
    }
}
