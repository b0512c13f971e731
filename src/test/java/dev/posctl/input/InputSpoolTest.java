package dev.posctl.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.schema.Schema;
import dev.posctl.validate.ProblemSink;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that can be read once are copied by the validating pass, no further than it reads. */
class InputSpoolTest {
    @TempDir
    Path tmp;

    /** An endless pipe: the line repeated for ever. */
    static InputStream endless(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            long n;

            @Override
            public int read() {
                return bytes[(int) (n++ % bytes.length)] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int start = (int) (n % bytes.length);
                int i = 0;
                while (i < len) {
                    int k = Math.min(len - i, bytes.length - (start + i) % bytes.length);
                    System.arraycopy(bytes, (start + i) % bytes.length, b, off + i, k);
                    i += k;
                }
                n += len;
                return len;
            }
        };
    }

    /** What the validating pass says, and the size of the copy it left, before the spool is closed. */
    record Pass(List<String> messages, long copied) {}

    Pass validate(Source source, InputStream stdin) throws Exception {
        EditInputs inputs = new EditInputs(Schema.get(), List.of(source), new OverlayBuilder(Schema.get()));
        ProblemSink sink = new ProblemSink(false);
        long copied;
        try (InputSpool spool = InputSpool.of(inputs.sources(), tmp)) {
            spool.copying(inputs).count(sink, stdin, () -> LocalDate.of(2026, 11, 28));
            try (Stream<Path> files = Files.list(tmp)) {
                copied = files.mapToLong(p -> p.toFile().length()).sum();
            }
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "the spool file is gone");
        }
        return new Pass(sink.problems().stream().map(p -> p.location().prefix() + ": " + p.message()).toList(), copied);
    }

    List<String> validateDirectly(Source source, InputStream stdin) {
        ProblemSink sink = new ProblemSink(false);
        new EditInputs(Schema.get(), List.of(source), new OverlayBuilder(Schema.get()))
            .count(sink, stdin, () -> LocalDate.of(2026, 11, 28));
        return sink.problems().stream().map(p -> p.location().prefix() + ": " + p.message()).toList();
    }

    @Test
    void devZeroIsRefusedAtOnceWithWhatValidateSays() {
        Source zero = new SourceResolver(Path.of("/")).resolve(List.of("/dev/zero")).get(0);
        Pass pass = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> validate(zero, InputStream.nullInputStream()));
        assertEquals(validateDirectly(zero, InputStream.nullInputStream()), pass.messages());
        assertEquals(1, pass.messages().size(), pass.messages()::toString);
        assertTrue(pass.copied() < 1 << 20, "copied no further than validation read: " + pass.copied());
    }

    @Test
    void anEndlessPipeIsCopiedNoFurtherThanValidationReads() {
        Source stdin = new Source(Source.STDIN, null, null);
        // an object that never ends: the line limit of NDJSON, or the first syntax error, ends it
        Pass pass = assertTimeoutPreemptively(Duration.ofSeconds(20),
            () -> validate(stdin, endless("{\"userId\":\"a\",\"id\":\"1\",\"detail\":{\"jobTitle\":\"x\"}")));
        assertEquals(validateDirectly(stdin, endless("{\"userId\":\"a\",\"id\":\"1\",\"detail\":{\"jobTitle\":\"x\"}")),
            pass.messages());
        assertTrue(pass.messages().size() >= 1, pass.messages()::toString);
        assertTrue(pass.copied() <= 33L << 20, "copied no further than validation read: " + pass.copied());
    }

    @Test
    void anEndlessYamlDocumentEndsAtTheDocumentLimit() {
        Source stdin = new Source(Source.STDIN, null, null);
        // `yes`: one plain scalar that never ends, which SnakeYAML would hold in memory for ever
        Pass pass = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> validate(stdin, endless("y\n")));
        assertEquals(List.of("<stdin>:1: a YAML document is larger than 64 MiB, the most posctl reads"), pass.messages());
        assertTrue(pass.copied() <= (64L << 20) + (1 << 20), "copied no further than validation read: " + pass.copied());
    }

    @Test
    void whatValidatesIsCopiedWholeForTheSecondReading() throws Exception {
        String edits = "{\"userId\":\"a\",\"id\":\"1\",\"detail\":{\"jobTitle\":\"x\"}}\n".repeat(1000);
        Source stdin = new Source(Source.STDIN, null, null);
        EditInputs inputs = new EditInputs(Schema.get(), List.of(stdin), new OverlayBuilder(Schema.get()));
        try (InputSpool spool = InputSpool.of(inputs.sources(), tmp)) {
            ProblemSink sink = new ProblemSink(false);
            EditInputs.Counts counts = spool.copying(inputs).count(sink,
                new ByteArrayInputStream(edits.getBytes(StandardCharsets.UTF_8)), () -> LocalDate.of(2026, 11, 28));
            assertEquals(1000, counts.valid(), sink.problems()::toString);
            Source copy = spool.sources().get(0);
            assertEquals(Source.STDIN, copy.name());
            assertEquals(edits, Files.readString(copy.path()));
        }
    }
}
