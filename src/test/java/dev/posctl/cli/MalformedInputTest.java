package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few hundred generated bad documents through the real command: each must end in a clean exit
 * with located problems, never a stack trace.
 */
class MalformedInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = "{\"userId\":\"adele@contoso.com\",\"id\":\"7dc1\",\"allowedAudiences\":\"organization\","
        + "\"isCurrent\":true,\"categories\":[\"a\",\"b\"],\"detail\":{\"jobTitle\":\"PM\",\"layer\":3,"
        + "\"startMonthYear\":\"2021-03-01\",\"company\":{\"displayName\":\"Contoso\",\"address\":{\"city\":\"Redmond\",\"type\":\"business\"}}},"
        + "\"manager\":{\"displayName\":\"M\",\"relationship\":\"manager\"},\"inference\":{\"confidenceScore\":0.5}}";
    private static final String[] WRONG = {"1", "-99999999999", "1.5", "true", "null", "\"x\"", "[]", "{}", "[null]", "\"2021-02-30\""};

    @TempDir
    Path dir;

    /** One generated bad document: its file name, its mutation kind and its text. */
    record Case(String name, int kind, String doc) {}

    /** The generated documents, the same on every run (MessagesTest feeds them to other commands). */
    static List<Case> corpus() throws Exception {
        Random random = new Random(42);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int kind = i % 6;
            cases.add(new Case("case" + i + (kind == 5 ? ".yaml" : ".json"), kind, mutate(kind, random)));
        }
        return cases;
    }

    @Test
    void mutatedDocumentsAlwaysFailCleanly() throws Exception {
        int invalid = 0;
        for (Case c : corpus()) {
            int kind = c.kind();
            String doc = c.doc();
            String name = c.name();
            Files.writeString(dir.resolve(name), doc);
            Cli.Result r = new Cli(dir).run("validate", "-f", name, "-o", "json");
            String context = name + " kind " + kind + ": " + doc + "\n" + r;
            assertTrue(r.code() == 0 || r.code() == 3, context);
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), context);
            JsonNode problems = JSON.readTree(r.out());
            if (kind >= 2 && kind <= 4) {
                assertEquals(3, r.code(), context);
            }
            if (r.code() == 3) {
                invalid++;
                boolean located = false;
                for (JsonNode p : problems) {
                    assertEquals(name, p.get("source").asText(), context);
                    assertFalse(p.get("message").asText().isBlank(), context);
                    located |= p.get("line").asInt() > 0 || p.get("code").asText().equals("empty-input");
                }
                assertTrue(located, context);
            }
        }
        assertTrue(invalid > 250, "most mutations are invalid: " + invalid);
    }

    private static String mutate(int kind, Random random) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(VALID);
        switch (kind) {
            case 0: {
                int cut = random.nextInt(VALID.length() - 1);
                return VALID.substring(0, cut);
            }
            case 1: {
                String junk = "{}[]:,\"\\x\u0000\u00ff";
                int at = random.nextInt(VALID.length());
                char c = junk.charAt(random.nextInt(junk.length()));
                return VALID.substring(0, at) + c + c + VALID.substring(at);
            }
            case 2: {
                String[] paths = {"/isCurrent", "/detail/layer", "/detail/jobTitle", "/detail/startMonthYear",
                    "/allowedAudiences", "/detail/company/address/type", "/manager/relationship", "/categories"};
                String path = paths[random.nextInt(paths.length)];
                String text = JSON.writeValueAsString(doc);
                String current = JSON.writeValueAsString(doc.at(path));
                String key = "\"" + path.substring(path.lastIndexOf('/') + 1) + "\":";
                String replacement;
                do {
                    replacement = WRONG[random.nextInt(WRONG.length)];
                } while (!invalidFor(path, replacement));
                return text.replace(key + current, key + replacement);
            }
            case 3: {
                String[] keys = {"jobTitle", "company", "layer", "startMonthYear"};
                ObjectNode detail = (ObjectNode) doc.get("detail");
                String key = keys[random.nextInt(keys.length)];
                JsonNode v = detail.remove(key);
                detail.set(key.substring(1) + (char) ('a' + random.nextInt(26)), v);
                return JSON.writeValueAsString(doc);
            }
            case 4: {
                String text = JSON.writeValueAsString(doc);
                return text.replace("\"isCurrent\":true", "\"isCurrent\":true,\"isCurrent\":false");
            }
            default: {
                String[] yaml = {"userId: a\nid: b\ndetail:\n  jobTitle: [unclosed\n", "userId: a\n  id: b\n bad: indent\n",
                    "- just\n- a list\n", "userId: *alias\nid: x\n", "userId: a\nid: b\ndetail: !!binary aGVsbG8=\n",
                    "\t- tab\n", "userId: a\nid: b\ndetail:\n  startMonthYear: 2021-02-29\n", "key: \"unterminated\n",
                    "? complex\n: key\n", "%YAML 9.9\n---\na: b\n"};
                return yaml[random.nextInt(yaml.length)];
            }
        }
    }

    private static boolean invalidFor(String path, String value) {
        switch (path) {
            case "/detail/jobTitle": return !value.startsWith("\"") && !value.equals("null");
            case "/detail/startMonthYear": return !value.equals("null");
            case "/detail/layer": return !value.equals("1") && !value.equals("null");
            case "/isCurrent": return !value.equals("true") && !value.equals("null");
            case "/categories": return !value.equals("[]") && !value.equals("null");
            default: return !value.equals("null");
        }
    }
}
