package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The sandbox commands, run through the real command tree (registered here until the root lists them). */
class SandboxCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli(Map<String, String> vars) {
        Environment env = new Environment(vars, InputStream.nullInputStream(), false, false, false, dir, Clock.systemUTC());
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cl = CommandLineFactory.create(env, o, e);
        if (!cl.getSubcommands().containsKey("sandbox")) {
            cl.addSubcommand(new SandboxCommand());
            // writers set before a subcommand is added do not reach it
            cl.setOut(o);
            cl.setErr(e);
        }
        return cl;
    }

    @Test
    void resetWritesTheDemoDataToTheDefaultFile() throws Exception {
        int code = cli(Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString())).execute("sandbox", "reset");
        assertEquals(ExitCode.OK, code, err.toString());
        Path file = dir.resolve("xdg/posctl/sandbox.json");
        assertTrue(Files.readString(file).contains("adele@contoso.com"));
        assertTrue(err.toString().contains(file.toString()), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void badOptionsAndCorruptDataMapToExitCodes() throws Exception {
        assertEquals(ExitCode.USAGE, cli(Map.of()).execute("sandbox", "serve", "--memory", "--chaos", "throttle=3"));
        assertTrue(err.toString().contains("throttle=3"), err.toString());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[]");
        assertEquals(ExitCode.CONFIG, cli(Map.of()).execute("sandbox", "serve", "--data", bad.toString()));
        assertTrue(err.toString().contains(bad.toString()), err.toString());
        assertEquals(ExitCode.USAGE, cli(Map.of()).execute("sandbox", "serve", "--memory", "--data", "x.json"));
    }

    @Test
    void servePrintsTheBaseUrlFirstAndStopsWhenInterrupted() throws Exception {
        Path data = dir.resolve("env-data.json");
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = new Thread(() -> code.set(cli(Map.of("POSCTL_SANDBOX_DATA", data.toString()))
            .execute("sandbox", "serve", "--token", "t0k")));
        t.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!out.toString().contains("\n") && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        String base = out.toString().lines().findFirst().orElseThrow();
        assertTrue(base.matches("http://127\\.0\\.0\\.1:\\d+/beta"), base);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/me/profile/positions"))
            .header("Authorization", "Bearer t0k").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(Files.exists(data), "POSCTL_SANDBOX_DATA names the data file");
        t.interrupt();
        t.join(5_000);
        assertEquals(ExitCode.INTERRUPTED, code.get());
    }
}
