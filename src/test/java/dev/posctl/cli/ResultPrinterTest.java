package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.output.OutputFormat;
import dev.posctl.run.Outcome;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** NDJSON results reach stdout once per chunk of results: streamed, without a system call per line. */
class ResultPrinterTest {
    @Test
    void ndjsonLinesAreWrittenAtOnceAndFlushedPerChunk() {
        StringWriter stdout = new StringWriter();
        PrintWriter out = new PrintWriter(new BufferedWriter(stdout, 1 << 16));
        ResultPrinter printer = new ResultPrinter(OutputFormat.ndjson, out, false, 120, "posctl update");
        printer.add(Outcome.skipped(null, "a@contoso.com", "p1"));
        printer.add(Outcome.skipped(null, "b@contoso.com", "p2"));
        assertEquals("", stdout.toString(), "held in the buffer until the chunk is done");
        printer.flush();
        String[] lines = stdout.toString().split("\n");
        assertEquals(2, lines.length, stdout::toString);
        assertTrue(lines[0].contains("\"user\":\"a@contoso.com\"") && lines[0].contains("\"status\":\"skipped\""), lines[0]);
        assertEquals(null, printer.finish(false));
    }
}
