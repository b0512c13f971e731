package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate's totals add up: documents read are the edits checked plus the documents that are not edits. */
class ValidateCountsTest {
    @TempDir
    Path dir;

    @Test
    void aDocumentThatIsNoEditIsCountedAsADocument() {
        Cli.Result r = new Cli(dir).stdin("[{\"userId\":\"a\",\"id\":\"b\"},5,{\"userId\":\"a\",\"id\":\"c\"}]")
            .run("validate", "-f", "-", "-o", "text");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("3 documents, 2 edits checked, 2 valid; 1 document is not an edit: 1 error, 0 warnings"), r::toString);
    }

    @Test
    void ndjsonLinesThatAreNoEditsAreCountedToo() throws Exception {
        Files.writeString(dir.resolve("e.ndjson"), "{\"userId\":\"a\",\"id\":\"b\"}\n\"x\"\n[1]\n");
        Cli.Result r = new Cli(dir).run("validate", "-f", "e.ndjson", "-o", "text");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("3 documents, 1 edit checked, 1 valid; 2 documents are not an edit: 2 errors, 0 warnings"), r::toString);
    }

    @Test
    void whenEveryDocumentIsAnEditTheSummaryStaysShort() {
        Cli.Result r = new Cli(dir).stdin("{\"userId\":\"a\",\"id\":\"b\"}\n").run("validate", "-f", "-", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertEquals("[]", r.out().trim());
        assertTrue(r.err().contains("1 edit checked, 1 valid: 0 errors, 0 warnings"), r::toString);
    }
}
