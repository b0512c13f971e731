package dev.posctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server's error text in the job summary is text: no markup, link, mention or extra table row. */
class MarkdownSummaryTest {
    @Test
    void serverTextCannotBecomeMarkup() {
        MarkdownSummary s = new MarkdownSummary("posctl update");
        ObjectNode failed = JsonNodeFactory.instance.objectNode().put("status", "failed").put("source", "e.yaml").put("line", 3)
            .put("error", "<img src=x onerror=alert(1)> [click](https://evil.example) @team | x\n| forged | row |");
        s.add(failed);
        String md = s.render(new LinkedHashMap<>(Map.of("failed", 1L)), null);
        assertFalse(md.contains("<img"), md);
        assertFalse(md.contains("](https"), md);
        assertFalse(md.contains(" @team"), md);
        String row = md.lines().filter(l -> l.startsWith("| e\\.yaml")).findFirst().orElseThrow();
        assertEquals(8, row.split("(?<!\\\\)\\|", -1).length, "one row of six cells: " + row);
        assertTrue(md.lines().noneMatch(l -> l.startsWith("\\| forged") || l.startsWith("| forged")), md);
    }

    @Test
    void listsTheFirstFailuresAndSaysHowManyThereAre() {
        MarkdownSummary s = new MarkdownSummary("posctl update");
        for (int i = 0; i < 15; i++) {
            s.add(JsonNodeFactory.instance.objectNode().put("status", "failed").put("source", "e.yaml").put("line", i + 1));
        }
        String md = s.render(new LinkedHashMap<>(Map.of("failed", 15L)), null);
        assertTrue(md.contains("**Failures** (first 10 of 15)"), md);
    }
}
