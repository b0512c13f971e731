package dev.posctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A JUnit XML report of a run: one test case per edit, named by its source file and line; failed
 * and unknown outcomes are {@code <failure>}s with the Graph error and request id, the others pass.
 * Cases are spooled to a temporary file beside the report, since the suite's counts come first and
 * a run of a million edits must not hold them all in memory.
 */
public final class JUnitReport implements AutoCloseable {
    private static final Set<String> FAILED = Set.of("failed", "unknown");

    private final Path file;
    private final String suite;
    private final Writer out;
    private final Path spoolFile;
    private final Writer spool;
    private long tests;
    private long failures;

    /** Opens (and empties) the report at once, so a path that cannot be written stops the run before it sends. */
    public JUnitReport(Path file, String suite) {
        this.file = file;
        this.suite = suite;
        Writer o = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            o = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            this.spoolFile = Files.createTempFile(parent, ".posctl-junit-", ".part");
            this.spool = Files.newBufferedWriter(spoolFile, StandardCharsets.UTF_8);
            this.out = o;
        } catch (IOException e) {
            closeQuietly(o);
            throw failure(e);
        }
    }

    /** @param line an edit's outcome as a --report NDJSON line (source, line, user, id, status, error ...) */
    public synchronized void add(ObjectNode line) {
        String source = text(line.get("source"));
        int lineNo = line.path("line").asInt();
        String status = text(line.get("status"));
        String where = source == null ? "(no source)" : lineNo > 0 ? source + ":" + lineNo : source;
        String name = where + " " + orDash(text(line.get("user"))) + " " + orDash(text(line.get("id")));
        tests++;
        try {
            spool.write("    <testcase classname=\"" + attr(source == null ? suite : source) + "\" name=\"" + attr(name) + "\"");
            if (status != null && FAILED.contains(status)) {
                failures++;
                String error = orDash(text(line.get("error")));
                StringBuilder body = new StringBuilder("status: ").append(status);
                if (line.path("httpStatus").asInt() > 0) {
                    body.append("\nHTTP status: ").append(line.path("httpStatus").asInt());
                }
                if (text(line.get("errorCode")) != null) {
                    body.append("\nerror code: ").append(text(line.get("errorCode")));
                }
                if (text(line.get("requestId")) != null) {
                    body.append("\nrequest-id: ").append(text(line.get("requestId")));
                }
                body.append("\n").append(error);
                spool.write(">\n      <failure type=\"" + attr(orDash(text(line.get("errorCode")))) + "\" message=\"" + attr(error)
                    + "\">" + content(body.toString()) + "</failure>\n    </testcase>\n");
            } else {
                spool.write("><system-out>" + content("status: " + status) + "</system-out></testcase>\n");
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    public synchronized long tests() {
        return tests;
    }

    public synchronized long failures() {
        return failures;
    }

    /** Writes the report: the suite with its counts, then every case. */
    public synchronized void finish(double seconds) {
        try {
            spool.close();
            String time = String.valueOf(Math.round(seconds * 1000) / 1000.0);
            String counts = " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"0\" time=\"" + time + "\"";
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            out.write("<testsuites name=\"" + attr(suite) + "\"" + counts + ">\n");
            out.write("  <testsuite name=\"" + attr(suite) + "\"" + counts + ">\n");
            try (Reader in = Files.newBufferedReader(spoolFile, StandardCharsets.UTF_8)) {
                in.transferTo(out);
            }
            out.write("  </testsuite>\n</testsuites>\n");
            out.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Closes the report and removes the spool. */
    @Override
    public synchronized void close() {
        closeQuietly(spool);
        closeQuietly(out);
        try {
            Files.deleteIfExists(spoolFile);
        } catch (IOException ignored) {
            // a stray hidden file beside the report: harmless, and the report is what matters
        }
    }

    private PosctlException failure(IOException e) {
        return new PosctlException(ExitCode.CONFIG, "report " + file + ": cannot write: " + IoReasons.of(e));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    static String attr(String s) {
        return content(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    /** Escaped for XML 1.0, whose documents cannot hold most control characters even escaped: those are dropped. */
    static String content(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&') {
                b.append("&amp;");
            } else if (c == '<') {
                b.append("&lt;");
            } else if (c == '>') {
                b.append("&gt;");
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE)) {
                b.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append('\uFFFD');
            }
        }
        return b.toString();
    }

    private static void closeQuietly(Writer w) {
        if (w != null) {
            try {
                w.close();
            } catch (IOException ignored) {
                // closing after the outcome is known: a failure to write was reported where it happened
            }
        }
    }
}
