package dev.posctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/** YAML output never puts a bidi override or C1 control on the terminal raw, and still reads back as the same data. */
class YamlTextTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void aPlainDocumentIsBlockYaml() throws Exception {
        JsonNode doc = JSON.readTree("{\"userId\":\"adele@contoso.com\",\"detail\":{\"jobTitle\":\"Müller & Co\"}}");
        String text = YamlText.of(doc);
        assertTrue(text.startsWith("userId: adele@contoso.com\ndetail:\n"), text);
        assertEquals(doc, YAML.readTree(text));
    }

    @Test
    void aDocumentWithTerminalUnsafeCharactersIsEscapedAndReadsBackTheSame() throws Exception {
        for (String evil : new String[] {"\u202egnp.exe", "a\u009b2Jb", "x\u2066y", "del\u007f"}) {
            JsonNode doc = JSON.createObjectNode().put("userId", "u").set("detail", JSON.createObjectNode().put("jobTitle", evil));
            String text = YamlText.of(doc);
            assertFalse(YamlText.unsafe(text), "no raw unsafe character: " + text);
            assertTrue(text.contains("\\u") || text.contains("\\x"), "escaped (YAML escapes some itself): " + text);
            assertEquals(doc, YAML.readTree(text), "the same data: " + text);
        }
    }
}
