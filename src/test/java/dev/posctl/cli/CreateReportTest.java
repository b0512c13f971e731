package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.http.HostileServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** create --report (NDJSON or JUnit XML) and --summary-md, against a server on 127.0.0.1 that refuses the first of two. */
class CreateReportTest {
    static final String DOCS = "userId: u@x.com\ndetail:\n  jobTitle: A\n  company:\n    displayName: Contoso\n---\n"
        + "userId: u@x.com\ndetail:\n  jobTitle: B\n  company:\n    displayName: Contoso\n";

    @TempDir
    Path dir;
    HostileServer graph;

    @BeforeEach
    void start() throws Exception {
        graph = new HostileServer();
        graph.fallback(r -> HostileServer.json(201, "{\"id\":\"new1\",\"detail\":{\"jobTitle\":\"B\"}}"));
        graph.then(HostileServer.json(400, "{\"error\":{\"code\":\"invalidRequest\",\"message\":\"jobTitle <refused>\","
            + "\"innerError\":{\"request-id\":\"rid-1\"}}}"));
        Files.writeString(dir.resolve("new.yaml"), DOCS);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    Cli cli() {
        return new Cli(dir).env("POSCTL_TOKEN", "secret.token.value").env("POSCTL_ENDPOINT", graph.base());
    }

    @Test
    void junitReportOfACreateCountsWhatTheRunSays() throws Exception {
        var r = cli().run("create", "-f", "new.yaml", "--batch-size", "1", "--concurrency", "1", "--report", "r.xml", "--report-format", "junit", "-o", "json");
        assertEquals(4, r.code(), r.toString());
        assertTrue(r.err().contains("1 created, 1 failed"), r.toString());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("r.xml").toFile());
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertEquals("posctl create", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertEquals("invalidRequest", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("request-id: rid-1"), failure.getTextContent());
        assertEquals("new.yaml:1 u@x.com -", ((Element) failure.getParentNode()).getAttribute("name"));
        assertTrue(Files.readString(dir.resolve("r.xml")).contains("&lt;refused&gt;"));
    }

    @Test
    void ndjsonReportAndSummaryOfACreate() throws Exception {
        var r = cli().run("create", "-f", "new.yaml", "--batch-size", "1", "--concurrency", "1", "--report", "r.ndjson", "--summary-md", "s.md", "-o", "json");
        assertEquals(4, r.code(), r.toString());
        List<String> lines = Files.readAllLines(dir.resolve("r.ndjson"));
        assertEquals(2, lines.size(), lines.toString());
        var first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("failed", first.get("status").asText());
        assertEquals(400, first.get("httpStatus").asInt());
        assertEquals("rid-1", first.get("requestId").asText());
        var second = new ObjectMapper().readTree(lines.get(1));
        assertEquals("created", second.get("status").asText());
        assertEquals("new1", second.get("id").asText());
        assertEquals(7, second.get("line").asInt());
        String md = Files.readString(dir.resolve("s.md"));
        assertTrue(md.contains("| created | failed |") && md.contains("| 1 | 1 |"), md);
        assertTrue(md.contains("jobTitle &lt;refused&gt;"), md);
    }

    @Test
    void aReportThatIsTheInputIsRefusedBeforeAnythingIsSent() {
        var r = cli().run("create", "-f", "new.yaml", "--batch-size", "1", "--concurrency", "1", "--report", "new.yaml");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--report new.yaml is the input new.yaml"), r.toString());
        assertEquals(0, graph.requests().size());
    }
}
