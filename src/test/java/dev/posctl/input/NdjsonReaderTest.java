package dev.posctl.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.posctl.schema.Schema;
import dev.posctl.validate.Problem;
import dev.posctl.validate.ProblemSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs larger than one block: line numbers, order and recovery must survive the split. */
class NdjsonReaderTest {
    @TempDir
    Path dir;

    @Test
    void problemsAndEditsKeepTheirLinesAcrossBlocks() throws Exception {
        int lines = 40_000;
        List<Integer> bad = List.of(1, 7_777, 15_001, 29_999, 40_000);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            if (i == 15_001) {
                sb.append("{\"userId\":\"u\",\"id\":\"x\"} {\"userId\":\"u\",\"id\":\"y\"}\n");
            } else if (i == 29_999) {
                sb.append("{not json\n");
            } else if (bad.contains(i)) {
                sb.append("{\"userId\":\"u").append(i).append("\",\"id\":\"p\",\"detail\":{\"layer\":\"x\"}}\n");
            } else {
                sb.append("{\"userId\":\"user").append(i).append("@contoso.com\",\"id\":\"pos-").append(i)
                    .append("\",\"detail\":{\"jobTitle\":\"Engineer\",\"company\":{\"displayName\":\"Contoso\"}}}\n");
            }
            if (i == 20_000) {
                sb.append("\n");
            }
        }
        Path file = dir.resolve("big.ndjson");
        Files.writeString(file, sb);
        ProblemSink sink = new ProblemSink(false);
        List<Edit> edits = new ArrayList<>();
        new EditInputs(Schema.get(), List.of(new Source("big.ndjson", file, Format.NDJSON)), new OverlayBuilder(Schema.get()))
            .read(sink, null, () -> LocalDate.of(2026, 1, 1), edits::add);
        assertEquals(List.of(1, 7_777, 15_001, 30_000, 40_001),
            sink.problems().stream().map(p -> p.location().line()).collect(Collectors.toList()));
        assertEquals("wrong-type,wrong-type,syntax,syntax,wrong-type",
            sink.problems().stream().map(p -> p.code().code()).collect(Collectors.joining(",")));
        Problem last = sink.problems().get(4);
        assertEquals(40_000, last.location().document());
        assertEquals(39_999, edits.size());
        for (int i = 1; i < edits.size(); i++) {
            int prev = edits.get(i - 1).location().line();
            int cur = edits.get(i).location().line();
            assertEquals(true, cur > prev, "edits in input order at " + i);
        }
        Edit e = edits.stream().filter(x -> "pos-25000".equals(x.id())).findFirst().orElseThrow();
        assertEquals(25_001, e.location().line());
        assertEquals(25_000, e.location().document());
    }

    @Test
    void linesLongerThanABlockNeitherStallNorGetLost() throws Exception {
        // each long line outgrows the reader's block (strings stay under the parser's 1 MiB limit), so no buffer it reads one into can be reused as it is
        String half = "d".repeat(NdjsonReader.BLOCK / 2 + 100);
        int lines = 14;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append("{\"userId\":\"user").append(i).append("@contoso.com\",\"id\":\"pos-").append(i)
                .append("\",\"detail\":{\"description\":\"").append(half)
                .append("\",\"jobTitle\":\"").append(half).append("\"}}\n");
            sb.append("{\"userId\":\"u\",\"id\":\"short-").append(i).append("\"}\n");
        }
        Path file = dir.resolve("long-lines.ndjson");
        Files.writeString(file, sb);
        EditInputs inputs = new EditInputs(Schema.get(), List.of(new Source("long-lines.ndjson", file, Format.NDJSON)),
            new OverlayBuilder(Schema.get()));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ProblemSink sink = new ProblemSink(false);
            List<Edit> edits = new ArrayList<>();
            inputs.read(sink, null, () -> LocalDate.of(2026, 1, 1), edits::add);
            assertEquals(List.of(), sink.problems());
            assertEquals(2 * lines, edits.size());
            assertEquals(2 * lines, edits.get(2 * lines - 1).location().line());
            assertEquals(2 * lines, inputs.count(new ProblemSink(false), null, () -> LocalDate.of(2026, 1, 1)).edits());
        });
    }
}
