package dev.posctl.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.posctl.json.JsonTrees;
import java.io.UncheckedIOException;

/**
 * One YAML document as posctl writes it ({@code -o yaml}, export), with one writer for the whole
 * run: building one per document made a 100,000-user export twice as slow.
 *
 * <p>YAML has no escape for characters it deems printable, so a value holding a bidi override or
 * a C1 control would reach the terminal raw (and disguise itself). Such a document is written in
 * JSON's flow form instead, with those characters escaped: JSON is YAML, so it reads back as the
 * same data.
 */
public final class YamlText {
    private static final ObjectWriter WRITER = new ObjectMapper(YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .build()).writer();

    private YamlText() {}

    public static String of(JsonNode document) {
        String yaml;
        try {
            yaml = WRITER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return unsafe(yaml) ? JsonTrees.pretty(document) + "\n" : yaml;
    }

    /** DEL, the C1 controls and the bidi overrides and isolates: what JSON output escapes too. */
    static boolean unsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return true;
            }
        }
        return false;
    }
}
