package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.http.RecordingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Double that is not finite (1e400 overflows to Infinity) is an error, not a warning sent as "Infinity". */
class NonFiniteNumbersTest {
    @TempDir
    Path dir;

    @Test
    void inAFileItIsAnErrorWithFileLineAndField() throws Exception {
        Files.writeString(dir.resolve("e.yaml"), "userId: u\nid: p1\ninference:\n  confidenceScore: 1e400\n");
        Files.writeString(dir.resolve("e.json"), "{\"userId\":\"u\",\"id\":\"p1\",\n\"inference\":{\"confidenceScore\":-1E+999}}");
        Cli.Result yaml = new Cli(dir).run("validate", "-f", "e.yaml", "-o", "text");
        assertEquals(3, yaml.code(), yaml::toString);
        assertTrue(yaml.err().contains("e.yaml:4:20: error: inference.confidenceScore: 1e400 is not a finite Double"), yaml::toString);
        for (String value : new String[] {".inf", "-.Inf", ".NaN", "1.0e+400"}) {
            Files.writeString(dir.resolve("y.yaml"), "userId: u\nid: p1\ninference:\n  confidenceScore: " + value + "\n");
            Cli.Result r = new Cli(dir).run("validate", "-f", "y.yaml", "-o", "text");
            assertEquals(3, r.code(), r::toString);
            assertTrue(r.err().contains("y.yaml:4:20: error: inference.confidenceScore: "), r::toString);
        }
        Cli.Result json = new Cli(dir).run("validate", "-f", "e.json", "-o", "text");
        assertEquals(3, json.code(), json::toString);
        assertTrue(json.err().contains("e.json:2:32: error: inference.confidenceScore: -1E+999 is not a finite Double"), json::toString);
    }

    @Test
    void updateSendsNothingForAFileOrAFlag() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            Cli cli = new Cli(dir).env("POSCTL_TOKEN", UpdateAgainstRecordingServerTest.TOKEN).env("POSCTL_ENDPOINT", server.base());
            Files.writeString(dir.resolve("e.ndjson"), "{\"userId\":\"u\",\"id\":\"p1\",\"inference\":{\"confidenceScore\":1e400}}\n");
            Cli.Result file = cli.run("update", "-f", "e.ndjson");
            assertEquals(3, file.code(), file::toString);
            assertTrue(file.err().contains("e.ndjson:1:") && file.err().contains("inference.confidenceScore"), file::toString);
            for (String value : new String[] {"1e400", "-1e999", "NaN", "Infinity"}) {
                Cli.Result flag = cli.run("update", "--user", "u", "--id", "p1", "--set", "inference.confidenceScore=" + value);
                assertEquals(3, flag.code(), flag::toString);
                assertTrue(flag.err().contains("<flags>: error: inference.confidenceScore:") && flag.err().contains("not a finite Double"),
                    flag::toString);
                assertFalse(flag.err().contains("warning"), flag::toString);
            }
            assertEquals(0, server.requests().size());
        }
    }

    @Test
    void aFiniteIntegerBeyondLongIsSentAsADouble() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.fallback(r -> RecordingServer.Answer.json(200, UpdateAgainstRecordingServerTest.CURRENT));
            Cli cli = new Cli(dir).env("POSCTL_TOKEN", UpdateAgainstRecordingServerTest.TOKEN).env("POSCTL_ENDPOINT", server.base());
            Files.writeString(dir.resolve("e.ndjson"), "{\"userId\":\"u\",\"id\":\"p1\",\"inference\":{\"confidenceScore\":12345678901234567890}}\n");
            Cli.Result r = cli.run("update", "--dry-run", "-f", "e.ndjson", "-o", "json");
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().contains("\"confidenceScore\":1.2345678901234567E19"), r::toString);
            assertTrue(r.err().contains("is outside 0..1"), r::toString);
        }
    }
}
