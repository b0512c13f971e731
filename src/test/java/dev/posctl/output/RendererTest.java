package dev.posctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.input.EditInputs;
import dev.posctl.input.OverlayBuilder;
import dev.posctl.input.Source;
import dev.posctl.schema.Schema;
import dev.posctl.validate.ProblemSink;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String render(Renderer r, JsonNode data) {
        StringWriter w = new StringWriter();
        r.render(data, new PrintWriter(w));
        return w.toString();
    }

    static JsonNode rows() throws Exception {
        return JSON.readTree("[{\"id\":\"p1\",\"detail\":{\"jobTitle\":\"Principal Program Manager of Everything\",\"company\":{\"displayName\":\"Contoso\"}},\"categories\":[\"a\",\"b\"]},"
            + "{\"id\":\"p2\",\"detail\":{\"jobTitle\":\"PM\"},\"isCurrent\":true}]");
    }

    @Test
    void tablesUseDottedColumnsAndAlign() throws Exception {
        String t = render(new TableRenderer(Integer.MAX_VALUE, List.of()), rows());
        String[] lines = t.split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("ID  DETAIL.JOBTITLE"), lines[0]);
        assertTrue(lines[0].contains("DETAIL.COMPANY.DISPLAYNAME  CATEGORIES  ISCURRENT"), lines[0]);
        assertEquals(lines[0].indexOf("CATEGORIES"), lines[1].indexOf("a,b"));
        assertTrue(lines[2].endsWith("true"), lines[2]);
    }

    @Test
    void onATerminalWideCellsAreShortenedButPipedOutputNeverIs() throws Exception {
        String narrow = render(new TableRenderer(50, List.of("id", "detail.jobTitle", "detail.company.displayName")), rows());
        for (String line : narrow.split("\n")) {
            assertTrue(line.length() <= 50, line);
        }
        assertTrue(narrow.contains("\u2026"));
        String piped = render(new TableRenderer(Integer.MAX_VALUE, List.of("id", "detail.jobTitle")), rows());
        assertTrue(piped.contains("Principal Program Manager of Everything"));
    }

    @Test
    void jsonIsPrettyOnlyForPeopleAndNdjsonIsOneLineEach() throws Exception {
        assertTrue(render(new JsonRenderer(true), rows()).contains("\n  "));
        assertEquals(1, render(new JsonRenderer(false), rows()).trim().split("\n").length);
        String nd = render(new NdjsonRenderer(), rows());
        assertEquals(2, nd.trim().split("\n").length);
        assertEquals("p2", JSON.readTree(nd.trim().split("\n")[1]).get("id").asText());
    }

    @Test
    void yamlOutputReadsBackAsTheSameEdits() throws Exception {
        JsonNode data = JSON.readTree("[{\"userId\":\"a\",\"id\":\"1\",\"detail\":{\"employeeId\":\"00123\",\"layer\":2,\"jobTitle\":\"yes\"}},"
            + "{\"userId\":\"b\",\"id\":\"2\",\"isCurrent\":false,\"categories\":[\"x: y\",\"- z\"]}]");
        String yaml = render(new YamlRenderer(), data);
        ProblemSink sink = new ProblemSink(false);
        List<JsonNode> back = new ArrayList<>();
        new EditInputs(Schema.get(), List.of(new Source("<stdin>", null, null)), new OverlayBuilder(Schema.get()))
            .read(sink, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), () -> LocalDate.now(), e -> back.add(e.body()));
        assertEquals(List.of(), sink.problems(), yaml);
        assertEquals(data.get(0), back.get(0), yaml);
        assertEquals(data.get(1), back.get(1), yaml);
    }
}
