package dev.posctl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming trees must read and write exactly what ObjectMapper does, which they replace. */
class JsonTreesTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static final List<String> DOCUMENTS = List.of(
        "{}", "[]", "null", "true", "\"text\"", "0", "-7", "12345678901", "123456789012345678901234567890", "1.5", "-2.5e-10", "1e300",
        "{\"id\":\"7dc1f91d\",\"isCurrent\":true,\"detail\":{\"jobTitle\":\"Principal PM\",\"company\":{\"displayName\":\"Contoso\","
            + "\"address\":{\"city\":\"Redmond\",\"postalCode\":null}},\"startMonthYear\":\"2021-03-01\"},\"categories\":[\"a\",\"b\"],"
            + "\"n\":[1,2.25,[],{},[[{}]]]}",
        "{\"esc\":\"quote \\\" backslash \\\\ tab \\t nl \\n ctl \\u0001 \\u00e9 \\ud83d\\ude00 </script>\"}",
        "{\"dup\":1,\"dup\":2}");

    @Test
    void readsWhatTheMapperReads() throws IOException {
        for (String doc : DOCUMENTS) {
            JsonNode expected = MAPPER.readTree(doc);
            assertEquals(expected, JsonTrees.read(doc), doc);
            assertEquals(expected, JsonTrees.read(doc.getBytes(StandardCharsets.UTF_8)), doc);
            assertEquals(expected.getClass(), JsonTrees.read(doc).getClass(), doc);
        }
    }

    @Test
    void writesWhatTheMapperWrites() throws IOException {
        for (String doc : DOCUMENTS) {
            JsonNode node = MAPPER.readTree(doc);
            assertEquals(MAPPER.writeValueAsString(node), JsonTrees.compact(node), doc);
            assertEquals(node.toString(), JsonTrees.compact(node), doc);
            assertEquals(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node), JsonTrees.pretty(node), doc);
            assertEquals(new String(MAPPER.writeValueAsBytes(node), StandardCharsets.UTF_8),
                new String(JsonTrees.bytes(node), StandardCharsets.UTF_8), doc);
        }
    }

    @Test
    void writingLeavesTheWriterOpen() {
        StringWriter s = new StringWriter();
        PrintWriter out = new PrintWriter(s);
        JsonTrees.write(MAPPER.createObjectNode().put("a", 1), out, false);
        out.print("|after");
        out.flush();
        assertEquals("{\"a\":1}|after", s.toString());
        assertTrue(!out.checkError());
    }

    @Test
    void emptyTextIsNoValueAndTrailingContentIsAnError() throws IOException {
        assertNull(JsonTrees.read("  \n"));
        assertThrows(IOException.class, () -> JsonTrees.read("{} {}"));
        assertThrows(IOException.class, () -> JsonTrees.read("{\"a\":"));
        assertThrows(IOException.class, () -> JsonTrees.read("[".repeat(500) + "]".repeat(500)), "depth is limited");
    }
}
