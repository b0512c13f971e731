package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export --all-users against a sandbox that pages positions one at a time: every user, every page, in order. */
class ExportAgainstSandboxServerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyUserEveryPageInOrder() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.builder().pageSize(1).build())) {
            server.store().seedUsers(47);
            Cli cli = new Cli(dir).env("POSCTL_TOKEN", "t0ken").env("POSCTL_ENDPOINT", server.baseUri().toString());
            Cli.Result r = cli.run("export", "--all-users", "-o", "ndjson", "--concurrency", "3");
            assertEquals(0, r.code(), r.toString());
            List<JsonNode> docs = new ArrayList<>();
            for (String line : r.out().lines().toList()) {
                docs.add(JSON.readTree(line));
            }
            assertEquals(50, docs.size(), "3 demo users and 47 more");
            assertEquals("adele@contoso.com", docs.get(0).get("userId").asText());
            assertEquals(2, docs.get(0).get("positions").size(), "adele's second page was followed inside the batch");
            assertEquals("user46@contoso.com", docs.get(49).get("userId").asText());
            assertEquals("pos-46", docs.get(49).at("/positions/0/id").asText());
            assertTrue(r.err().contains("exported 50 users (51 positions), 0 failed"), r.toString());

            Cli.Result files = cli.run("export", "--all-users", "--dir", "out", "-q");
            assertEquals(0, files.code(), files.toString());
            try (Stream<Path> s = Files.list(dir.resolve("out"))) {
                assertEquals(50, s.count());
            }
        }
    }

    /** A closed pipe (posctl export --all-users | head) stops the export instead of reading every user for nothing. */
    @Test
    void anOutputThatStopsTakingDataStopsTheExport() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.builder().pageSize(1).build())) {
            server.store().seedUsers(200);
            Cli cli = new Cli(dir).env("POSCTL_TOKEN", "t0ken").env("POSCTL_ENDPOINT", server.baseUri().toString());
            String[] args = {"export", "--all-users", "-o", "ndjson", "--concurrency", "1"};
            java.io.StringWriter err = new java.io.StringWriter();
            java.io.Writer closedPipe = new java.io.Writer() {
                @Override
                public void write(char[] buf, int off, int len) throws java.io.IOException {
                    throw new java.io.IOException("Broken pipe");
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            int code = CommandLineFactory.create(cli.environment(), new java.io.PrintWriter(closedPipe),
                new java.io.PrintWriter(err), args).execute(args);
            assertEquals(7, code, err.toString());
            assertTrue(err.toString().contains("cannot write the output: write error; export stopped after 0 users"), err.toString());
            assertTrue(!err.toString().contains("exported"), "no summary of a run that did not finish: " + err);
        }
    }
}
