package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** update --report-format junit and the Markdown summary, against the sandbox, checked against the run's own summary. */
class CiReportsTest {
    static final String ADELE = GithubOutputTest.ADELE;
    static final String CURRENT = GithubOutputTest.CURRENT;
    static final Pattern SUMMARY = Pattern.compile("(\\d+) updated, (\\d+) unchanged, (\\d+) failed, (\\d+) skipped");

    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir).env("POSCTL_SANDBOX_DATA", dir.resolve("sandbox.json").toString());
    }

    void writeEdits() throws Exception {
        Files.writeString(dir.resolve("e.ndjson"),
            "{\"userId\":\"" + ADELE + "\",\"id\":\"nope\",\"detail\":{\"jobTitle\":\"x\"}}\n"
                + "{\"userId\":\"" + ADELE + "\",\"id\":\"" + CURRENT + "\",\"detail\":{\"jobTitle\":\"Lead <b>\"}}\n"
                + "{\"userId\":\"" + ADELE + "\",\"id\":\"" + CURRENT + "\",\"detail\":{\"jobTitle\":\"Lead <b>\"}}\n");
    }

    @Test
    void junitReportHasOneCasePerEditAndTheFailuresWithTheirError() throws Exception {
        writeEdits();
        var r = cli().run("update", "-f", "e.ndjson", "--concurrency", "1", "--batch-size", "1",
            "--report", "out/report.xml", "--report-format", "junit", "-q", "-o", "ndjson");
        assertEquals(4, r.code(), r.toString());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("out/report.xml").toFile());
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        NodeList cases = xml.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", xml.getDocumentElement().getAttribute("failures"));
        Element first = (Element) cases.item(0);
        assertEquals("e.ndjson:1 " + ADELE + " nope", first.getAttribute("name"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertTrue(failure.getTextContent().contains("HTTP status: 404"), failure.getTextContent());
        assertTrue(failure.getTextContent().contains("request-id: "), "the request id to quote to support: " + failure.getTextContent());
        assertFalse(failure.getAttribute("message").isBlank());
        assertEquals(0, ((Element) cases.item(1)).getElementsByTagName("failure").getLength());
        assertEquals(0, ((Element) cases.item(2)).getElementsByTagName("failure").getLength(), "unchanged passes");
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(1, files.count(), "no spool left behind");
        }
    }

    @Test
    void junitCountsAddUpToTheRunSummary() throws Exception {
        writeEdits();
        var r = cli().run("update", "-f", "e.ndjson", "--report", "r.xml", "--report-format", "junit", "-o", "ndjson");
        Matcher m = SUMMARY.matcher(r.err());
        assertTrue(m.find(), r.toString());
        long sum = 0;
        for (int i = 1; i <= 4; i++) {
            sum += Long.parseLong(m.group(i));
        }
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("r.xml").toFile());
        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertEquals(String.valueOf(sum), suite.getAttribute("tests"), r.toString());
        assertEquals(m.group(3), suite.getAttribute("failures"), r.toString());
    }

    @Test
    void reportFormatNeedsAReportAndAnUnwritableReportSendsNothing() throws Exception {
        writeEdits();
        var usage = cli().run("update", "-f", "e.ndjson", "--report-format", "junit");
        assertEquals(2, usage.code(), usage.toString());
        assertTrue(usage.err().contains("--report-format junit needs --report FILE"), usage.toString());

        Files.writeString(dir.resolve("file"), "");
        var unwritable = cli().run("update", "-f", "e.ndjson", "--report", "file/r.xml", "--report-format", "junit", "-o", "ndjson");
        assertEquals(7, unwritable.code(), unwritable.toString());
        assertEquals("", unwritable.out(), "nothing was sent: " + unwritable);
        assertFalse(unwritable.err().contains("Exception"), unwritable.toString());
    }

    @Test
    void stepSummaryGetsTheCountsAndTheFirstFailuresEscaped() throws Exception {
        writeEdits();
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "earlier step\n");
        var r = cli().env("GITHUB_STEP_SUMMARY", summary.toString()).run("update", "-f", "e.ndjson",
            "--concurrency", "1", "--batch-size", "1", "-o", "ndjson");
        assertEquals(4, r.code(), r.toString());
        String md = Files.readString(summary);
        assertTrue(md.startsWith("earlier step\n### posctl update\n"), "appended, as GitHub expects: " + md);
        assertTrue(md.contains("| updated | unchanged | failed |"), md);
        assertTrue(md.contains("| 1 | 1 | 1 |"), md);
        assertTrue(md.contains("**Failures** (1)"), md);
        assertTrue(md.contains("| e\\.ndjson\\:1 | adele\\@contoso\\.com | nope | 404 |"), md);
        assertFalse(md.contains("<b>"), md);
    }

    @Test
    void summaryOfADryRunIsThePlan() throws Exception {
        writeEdits();
        var r = cli().run("update", "-f", "e.ndjson", "--dry-run", "--summary-md", "plan.md", "-o", "ndjson");
        String md = Files.readString(dir.resolve("plan.md"));
        assertTrue(md.startsWith("### posctl update \\-\\-dry\\-run\n"), md);
        assertTrue(md.contains("**Planned** (2, nothing was written)"), md + r);
        assertTrue(md.contains("| detail\\.jobTitle |"), md);
    }

    @Test
    void inputRefusedByValidationStillGetsItsReportAndSummary() throws Exception {
        Files.writeString(dir.resolve("bad.ndjson"), "{\"userId\":\"" + ADELE + "\",\"id\":\"" + CURRENT + "\",\"detail\":"
            + "{\"startMonthYear\":\"2021-13-01\"}}\n{\"userId\":\"" + ADELE + "\",\"detail\":{\"jobTitle\":\"x\"}}\n");
        var r = cli().run("update", "-f", "bad.ndjson", "--report", "r.xml", "--report-format", "junit", "--summary-md", "s.md");
        assertEquals(3, r.code(), r.toString());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("r.xml").toFile());
        NodeList failures = xml.getElementsByTagName("failure");
        assertEquals(2, failures.getLength(), Files.readString(dir.resolve("r.xml")));
        assertEquals("invalid-date", ((Element) failures.item(0)).getAttribute("type"));
        assertEquals("bad.ndjson:1 - -", ((Element) failures.item(0).getParentNode()).getAttribute("name"));
        String md = Files.readString(dir.resolve("s.md"));
        assertTrue(md.contains("nothing was sent") && md.contains("startMonthYear"), md);

        var create = cli().run("create", "-f", "bad.ndjson", "--report", "c.xml", "--report-format", "junit");
        assertEquals(3, create.code(), create.toString());
        assertTrue(Files.readString(dir.resolve("c.xml")).contains("posctl create"), "create's refused input is reported too");
    }
}
