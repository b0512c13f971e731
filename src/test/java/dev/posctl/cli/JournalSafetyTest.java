package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run does when its journal, report or stdout cannot be written, and how a journal is kept whole. */
class JournalSafetyTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SandboxServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    Cli cli() throws Exception {
        server = SandboxServer.start(SandboxOptions.inMemory());
        return new Cli(dir).env("POSCTL_ENDPOINT", server.baseUri().toString()).env("POSCTL_TOKEN", "t");
    }

    /** n positions titled Engineer, and edits retitling them to title. */
    String seedAndEdits(int n, String title) {
        StringBuilder edits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String user = "user" + i + "@contoso.com";
            ObjectNode created = server.store().create(user, JSON.valueToTree(Map.of("detail", Map.of("jobTitle", "Engineer"))));
            edits.append("{\"userId\":\"").append(user).append("\",\"id\":\"").append(created.get("id").asText())
                .append("\",\"detail\":{\"jobTitle\":\"").append(title).append("\"}}\n");
        }
        return edits.toString();
    }

    long titled(int n, String title) {
        long count = 0;
        for (int i = 0; i < n; i++) {
            JsonNode p = JSON.valueToTree(server.store().list("user" + i + "@contoso.com").get(0));
            if (title.equals(p.at("/detail/jobTitle").asText())) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aJournalThatCannotBeWrittenStopsTheRunAndSaysWhatIsUnknown() throws Exception {
        Cli cli = cli();
        Files.writeString(dir.resolve("e.ndjson"), seedAndEdits(60, "Lead"));
        Path report = dir.resolve("report.ndjson");
        Cli.Result r = cli.run("update", "-f", "e.ndjson", "--journal", "/dev/full", "--report", report.toString(),
            "-o", "json", "--concurrency", "1", "--batch-size", "10");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("/dev/full: cannot write: no space left on device"), r::toString);
        assertFalse(r.err().contains("internal error") || r.err().contains("Exception"), r::toString);
        // each write is recorded before it goes out (for undo): the first chunk's cannot be, so nothing is sent
        assertEquals(0, titled(60, "Lead"), "no write the journal cannot tell undo of");
        JsonNode results = JSON.readTree(r.out());
        assertEquals(10, results.size(), r::toString);
        for (JsonNode result : results) {
            assertEquals("failed", result.get("status").asText(), result::toString);
            assertEquals("not sent: the journal cannot be written", result.get("error").asText());
        }
        assertEquals(10, Files.readAllLines(report).size(), "the report has the results too");
        assertTrue(r.err().contains("0 updated, 0 unchanged, 10 failed, 0 skipped, 50 not sent"), r::toString);
    }

    @Test
    void stdoutThatCannotBeWrittenIsAnError() throws Exception {
        Cli cli = cli();
        String edits = seedAndEdits(3, "Lead");
        StringWriter err = new StringWriter();
        PrintWriter full = OutputWriter.of(new FileOutputStream("/dev/full"));
        int code = CommandLineFactory.create(cli.stdin(edits).environment(), full, new PrintWriter(err))
            .execute("update", "-f", "-", "-o", "ndjson");
        assertEquals(7, code, err::toString);
        assertTrue(err.toString().contains("posctl: cannot write the output: no space left on device"), err::toString);
        assertEquals(3, titled(3, "Lead"), "the edits themselves went out");
    }

    @Test
    void aJournalInUseByAnotherRunIsRefusedAndNothingIsSent() throws Exception {
        Cli cli = cli();
        Files.writeString(dir.resolve("e.ndjson"), seedAndEdits(5, "Lead"));
        Path journal = dir.resolve("run.journal");
        Files.writeString(journal, "{\"key\":\"1\",\"status\":\"updated\"}\n");
        try (FileChannel other = FileChannel.open(journal, StandardOpenOption.WRITE); FileLock lock = other.lock()) {
            Cli.Result r = cli.run("update", "-f", "e.ndjson", "--journal", journal.toString(), "-o", "json");
            assertEquals(7, r.code(), r::toString);
            assertTrue(r.err().contains("in use by another posctl run"), r::toString);
            assertEquals("", r.out(), "no stray '[' of -o json");
        }
        assertEquals(0, titled(5, "Lead"), "nothing was sent");
        assertEquals("{\"key\":\"1\",\"status\":\"updated\"}\n", Files.readString(journal), "the other run's journal is untouched");
    }

    @Test
    void aJournalOrReportThatCannotBeOpenedPrintsNoStrayBracket() throws Exception {
        Cli cli = cli();
        Files.writeString(dir.resolve("e.ndjson"), seedAndEdits(1, "Lead"));
        Files.writeString(dir.resolve("file"), "x");
        Cli.Result r = cli.run("update", "-f", "e.ndjson", "--report", dir.resolve("file/report").toString(), "-o", "json");
        assertEquals(7, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
    }

    @Test
    void resumeAfterATruncatedLastLineStartsANewLine() throws Exception {
        Cli cli = cli();
        Files.writeString(dir.resolve("e.ndjson"), seedAndEdits(4, "Lead"));
        Path journal = dir.resolve("run.journal");
        Cli.Result first = cli.run("update", "-f", "e.ndjson", "--journal", journal.toString(), "--batch-size", "1");
        assertEquals(0, first.code(), first::toString);
        // as a kill in mid-write leaves it: the last record cut short, no newline
        String whole = Files.readString(journal);
        String cut = whole.substring(0, whole.length() - 10);
        Files.writeString(journal, cut);
        Cli.Result second = cli.run("update", "-f", "e.ndjson", "--journal", journal.toString(), "--resume");
        assertEquals(0, second.code(), second::toString);
        assertTrue(second.err().contains("0 updated, 1 unchanged, 0 failed, 3 skipped"), second::toString);
        List<String> lines = Files.readAllLines(journal);
        // each update is two lines (sending, then updated): the cut one is the last update's outcome
        assertEquals(9, lines.size(), "the cut line, then a line of its own: " + lines);
        JSON.readTree(lines.get(8));
        Cli.Result third = cli.run("update", "-f", "e.ndjson", "--journal", journal.toString(), "--resume");
        assertTrue(third.err().contains("0 updated, 0 unchanged, 0 failed, 4 skipped"), "nothing sent again: " + third);
    }

    @Test
    void resumeKnowsAnInputByItsRealPath() throws Exception {
        Cli cli = cli();
        Files.writeString(dir.resolve("b.ndjson"), seedAndEdits(3, "Lead"));
        Path journal = dir.resolve("run.journal");
        assertEquals(0, cli.run("update", "-f", "b.ndjson", "--journal", journal.toString()).code());
        Cli.Result again = cli.run("update", "-f", "./b.ndjson", "--journal", journal.toString(), "--resume");
        assertTrue(again.err().contains("0 updated, 0 unchanged, 0 failed, 3 skipped"), again::toString);
    }

    @Test
    void aJournalOrReportThatIsAnInputOrEachOtherIsRefusedBeforeAnythingIsOpened() throws Exception {
        Cli cli = cli();
        String edits = seedAndEdits(2, "Lead");
        Path input = dir.resolve("e.ndjson");
        Files.writeString(input, edits);
        Cli.Result journalIsInput = cli.run("update", "-f", "e.ndjson", "--journal", dir.resolve("./e.ndjson").toString());
        assertEquals(2, journalIsInput.code(), journalIsInput::toString);
        assertTrue(journalIsInput.err().contains("--journal " + dir.resolve("./e.ndjson") + " is the input e.ndjson"), journalIsInput::toString);
        Cli.Result reportIsInput = cli.run("update", "-f", dir.toString(), "--report", input.toString());
        assertEquals(2, reportIsInput.code(), reportIsInput::toString);
        assertEquals(edits, Files.readString(input), "the input is untouched");
        Path same = dir.resolve("out.ndjson");
        Cli.Result both = cli.run("update", "-f", "e.ndjson", "--journal", same.toString(), "--report", dir.resolve("sub/../out.ndjson").toString());
        assertEquals(2, both.code(), both::toString);
        assertTrue(both.err().contains("--journal and --report name the same file"), both::toString);
        assertFalse(Files.exists(same), "nothing was opened");
        assertEquals(0, titled(2, "Lead"), "nothing was sent");
    }
}
