package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users read when input is bad or a service cannot be reached: their own words, the place in
 * the input, and never a Java class name, a parser's internals or a path said twice.
 */
class MessagesTest {
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:java|javax|com|org|sun)\\.[a-z]\\w*\\.|\\b[A-Z]\\w*(?:Exception|Error)\\b");
    private static final String[] INTERNALS = {"Source:", "StreamReadFeature", "REDACTED", "`", "(code ", "CTRL-CHAR", "VALUE_STRING",
        "JSON String, Number", "in 'reader'", "<block", "<stream", "<document", "\tat "};
    private static final Pattern PATH = Pattern.compile("(?:/[\\w.@-]+){2,}");

    @TempDir
    Path dir;

    private final List<String> seen = new ArrayList<>();

    @Test
    void bytesThatAreNotUtf8AreNamedWithTheirPlace() throws Exception {
        Cli.Result json = run(bytes("{\"userId\":\"a\",\n\"id\":\u0097}"), "validate", "-f", "-", "-o", "text");
        assertEquals(3, json.code(), json::toString);
        assertTrue(json.err().contains("<stdin>:2:6: error: not UTF-8 text (byte 0x97 at offset 20)"), json::toString);
        Cli.Result yaml = run(bytes("userId: a\nid: \u0097x\n"), "validate", "-f", "-", "-o", "text");
        assertEquals(3, yaml.code(), yaml::toString);
        assertTrue(yaml.err().contains("<stdin>:2:5: error: not UTF-8 text (byte 0x97 at offset 14)"), yaml::toString);
        Files.write(dir.resolve("bin.yaml"), bytes("userId: a\nid: b\ndetail:\n  jobTitle: caf\u00e9\n"));
        Cli.Result file = new Cli(dir).run("validate", "-f", "bin.yaml", "-o", "text");
        assertTrue(file.err().contains("bin.yaml:4:16: error: not UTF-8 text (byte 0xe9 at offset 39)"), file::toString);
        Cli.Result ndjson = run(bytes("{\"userId\":\"a\",\"id\":\"b\"}\n{\"userId\":\"a\",\"id\":\"\u00ff\"}\n"), "validate", "-f", "-", "-o", "text");
        assertTrue(ndjson.err().contains("<stdin>:2:21: error: not UTF-8 text (byte 0xff at offset 44)"), ndjson::toString);
        noInternals(json, yaml, file, ndjson);
    }

    @Test
    void truncatedJsonSaysWhatIsNotClosed() throws Exception {
        Files.writeString(dir.resolve("cut.json"), "\n\n{\n  \"userId\": \"a\",\n  \"detail\": {\"jobTitle\": \"PM\"}\n");
        Cli.Result r = new Cli(dir).run("validate", "-f", "cut.json", "-o", "text");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("cut.json:6:1: error: unexpected end of input: the object opened at line 3, column 1 is not closed"), r::toString);
        Cli.Result line = new Cli(dir).stdin("{\"userId\":\"a\",\"id\":\"b\"}\n{\"userId\":\"a\",\"categories\":[\"x\"}\n")
            .run("validate", "-f", "-", "-o", "text");
        assertTrue(line.err().contains("<stdin>:2:32: error: found '}' but expected ']': the array opened at column 28 is not closed"), line::toString);
        noInternals(r, line);
    }

    @Test
    void jsonAndYamlSyntaxErrorsAreInPlainWords() throws Exception {
        String[][] cases = {
            {"a.json", "{\"userId\": x}", "a.json:1:12: error: 'x' is not a JSON value (expected a string, number, array, object, true, false or null)"},
            {"b.json", "{\"userId\" \"a\"}", "b.json:1:11: error: expected ':' after the field name, found '\"'"},
            {"c.json", "{userId: \"a\"}", "c.json:1:2: error: expected a field name in double quotes, found 'u'"},
            {"d.json", "{\"userId\": \"a\" \"id\": \"b\"}", "d.json:1:16: error: expected ',' or '}' after the value, found '\"'"},
            {"e.json", "{\"detail\": {\"layer\": 01}}", "e.json:1:23: error: bad number: a number may not start with 0"},
            {"f.json", "{\"userId\": \"a\u0001\"}", "f.json:1:14: error: control character U+0001 in a string: write it as \\u0001"},
            {"g.json", "{\"userId\": NaN}", "g.json:1:15: error: 'NaN' is not a JSON value"},
            {"h.yaml", "userId: a\n  id: b\n", "h.yaml:2:5: error: a 'key: value' is not allowed here (check the indentation"},
            {"i.yaml", "detail:\n  jobTitle: [unclosed\n", "i.yaml:3:1: error: unexpected end of input: the list opened at line 2, column 13 is not closed"},
            {"j.yaml", "userId: \"a\nid: b\n", "j.yaml:3:1: error: unexpected end of input: the quoted string opened at line 1, column 9 is not closed"},
            {"k.yaml", "\t- tab\n", "k.yaml:1:1: error: a tab cannot indent YAML: indent with spaces"},
            {"l.yaml", "categories:\n  - x\n  y: 1\n", "l.yaml:3:3: error: the indentation does not match the list that starts at line 2, column 3"},
            {"m.yaml", "%YAML 9.9\n---\nuserId: a\n", "m.yaml:1:1: error: unsupported YAML version: posctl reads YAML 1.x"},
            {"n.yaml", "userId: @a\n", "n.yaml:1:9: error: a plain value cannot start with '@': quote the value"},
            {"o.yaml", "categories: [a, b\nid: c\n", "o.yaml:2:3: error: expected ',' or ']' in the list opened at line 1, column 13, found ':'"},
            {"p.yaml", "userId: a\u0001\n", "p.yaml:1: error: character U+0001 is not allowed in YAML text (it is character 10 of the input)"},
            {"q.yaml", "userId: a\n...\nid: b\n", "q.yaml:3:1: error: a new document must start with '---'"},
            {"r.json", "{\"userId\"\u00ff: 1}", "r.json:1:10: error: expected ':' after the field name, found a non-ASCII character"},
        };
        List<Cli.Result> results = new ArrayList<>();
        for (String[] c : cases) {
            Files.writeString(dir.resolve(c[0]), c[1]);
            Cli.Result r = new Cli(dir).run("validate", "-f", c[0], "-o", "text");
            assertEquals(3, r.code(), r::toString);
            assertTrue(r.err().contains(c[2]), c[2] + "\n" + r);
            results.add(r);
        }
        noInternals(results.toArray(Cli.Result[]::new));
    }

    @Test
    void aMissingCredentialFileIsNamedOnce() {
        Cli.Result r = new Cli(dir).run("get", "--endpoint", "http://127.0.0.1:9", "--token-file", "nope.txt", "--user", "u", "--id", "x");
        assertEquals(5, r.code(), r::toString);
        assertEquals("posctl: cannot read the token file " + dir.resolve("nope.txt") + ": no such file\n", r.err(), r::toString);
        Cli.Result folder = new Cli(dir).run("get", "--endpoint", "http://127.0.0.1:9", "--token-file", ".", "--user", "u", "--id", "x");
        assertEquals("posctl: cannot read the token file " + dir.resolve(".") + ": is a directory\n", folder.err(), folder::toString);
        Cli.Result secret = new Cli(dir).run("login", "--method", "client-secret", "--client-secret-file", "nope.txt", "--client-id", "a",
            "--tenant", "t", "--authority", "https://127.0.0.1:9");
        assertEquals("posctl: cannot read the client secret file " + dir.resolve("nope.txt") + ": no such file\n", secret.err(), secret::toString);
        Cli.Result certificate = new Cli(dir).run("login", "--method", "client-certificate", "--certificate", "nope.pem", "--client-id", "a",
            "--tenant", "t", "--authority", "https://127.0.0.1:9");
        assertEquals("posctl: cannot read the certificate " + dir.resolve("nope.pem") + ": no such file\n", certificate.err(), certificate::toString);
        noInternals(r, folder, secret, certificate);
    }

    @Test
    void signInWithoutNetworkSaysWhichHostAndWhy() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Cli.Result r = new Cli(dir).run("login", "--authority", "https://127.0.0.1:" + port, "--client-id", "app");
        assertEquals(6, r.code(), r::toString);
        assertTrue(r.err().contains("sign-in at https://127.0.0.1:" + port + "/organizations/oauth2/v2.0/devicecode failed:"
            + " cannot connect to 127.0.0.1:" + port + " (connection refused)"), r::toString);
        noInternals(r);
    }

    @Test
    void aBadStartNamesBothForms() {
        Cli.Result r = new Cli(dir).run("validate", "--user", "u", "--id", "p", "--start", "2021-13", "-o", "text");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("<flags>: error: detail.startMonthYear: \"2021-13\" is not a date"
            + " (expected YYYY-MM-DD, or YYYY-MM for the first of the month)"), r::toString);
        noInternals(r);
    }

    @Test
    void noIdSuggestsCurrentToo() {
        Cli.Result r = new Cli(dir).run("update", "--user", "U", "--job-title", "X");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("<flags>: error: id: no id: add the position's \"id\" or pass --id (posctl list --user U shows the ids);"
            + " update and diff also take --current for the user's current position"), r::toString);
        noInternals(r);
    }

    @Test
    void aBadJsonFlagValueIsInPlainWords() {
        Cli.Result r = new Cli(dir).run("validate", "--user", "u", "--id", "p", "--set", "detail={\"jobTitle\":");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("--set detail: not valid JSON at column 13: unexpected end of input: the object opened at column 1"
            + " is not closed"), r::toString);
        noInternals(r);
    }

    @Test
    void theFuzzCorpusNeverShowsInternals() throws Exception {
        for (MalformedInputTest.Case c : MalformedInputTest.corpus()) {
            Files.writeString(dir.resolve(c.name()), c.doc());
            for (String[] args : new String[][] {{"validate", "-f", c.name(), "-o", "text"}, {"update", "--dry-run", "--no-merge", "-f", c.name()}}) {
                Cli.Result r = new Cli(dir).run(args);
                assertNotEquals(70, r.code(), () -> c.doc() + "\n" + r);
                noInternals(r);
            }
        }
        assertTrue(seen.size() > 400, "messages checked: " + seen.size());
    }

    private Cli.Result run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // Cli takes text; bytes that are not UTF-8 need the environment built here
        Cli cli = new Cli(dir);
        dev.posctl.core.Environment text = cli.environment();
        dev.posctl.core.Environment env = new dev.posctl.core.Environment(text.vars(), new ByteArrayInputStream(stdin), false, false, false,
            text.cwd(), text.clock());
        int code = CommandLineFactory.create(env, new PrintWriter(out), new PrintWriter(err), args).execute(args);
        return new Cli.Result(code, out.toString(), err.toString());
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void noInternals(Cli.Result... results) {
        for (Cli.Result r : results) {
            for (String line : (r.err() + r.out()).split("\n")) {
                seen.add(line);
                Matcher m = CLASS_NAME.matcher(line);
                if (m.find()) {
                    fail("a Java class name (" + m.group() + ") in: " + line + "\n" + r);
                }
                for (String internal : INTERNALS) {
                    if (line.contains(internal)) {
                        fail("parser internals (" + internal + ") in: " + line + "\n" + r);
                    }
                }
                Matcher p = PATH.matcher(line);
                while (p.find()) {
                    if (line.indexOf(p.group(), p.end()) >= 0) {
                        fail("a path printed twice (" + p.group() + ") in: " + line + "\n" + r);
                    }
                }
            }
        }
    }
}
