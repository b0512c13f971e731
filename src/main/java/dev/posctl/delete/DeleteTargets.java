package dev.posctl.delete;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.core.IoReasons;
import dev.posctl.input.Format;
import dev.posctl.input.Source;
import dev.posctl.json.Parsers;
import dev.posctl.output.TerminalText;
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the documents of {@code delete -f}: each names a position by {@code userId} and {@code id};
 * other fields (an exported document's, say) are ignored, with one warning per file. Everything is
 * read before anything is deleted, so one bad document stops the whole run.
 */
public final class DeleteTargets {
    private static final Set<String> ADDRESS = Set.of("userId", "id");
    private static final ObjectMapper MAPPER = new ObjectMapper(Parsers.json());
    private static final ObjectMapper YAML = new ObjectMapper(Parsers.yaml());

    /** @param problems one line per bad document or file ("file:line: what"); any means nothing may be deleted */
    public record Read(List<DeleteTarget> targets, List<String> problems, List<String> warnings) {}

    private final List<DeleteTarget> targets = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int documents;
    private final java.util.Map<String, DeleteTarget> seen = new java.util.HashMap<>();

    private DeleteTargets() {}

    public static Read read(List<Source> sources, InputStream stdin) {
        DeleteTargets r = new DeleteTargets();
        for (Source s : sources) {
            r.source(s, stdin);
        }
        return new Read(List.copyOf(r.targets), List.copyOf(r.problems), List.copyOf(r.warnings));
    }

    private void source(Source s, InputStream stdin) {
        String name = s.name();
        try (InputStream raw = s.isStdin() ? nonClosing(stdin) : new FileInputStream(s.path().toFile())) {
            InputStream in = new BufferedInputStream(raw, 1 << 16);
            boolean yaml = s.format() == Format.YAML || (s.format() == null && looksLikeYaml(in));
            // NDJSON is JSON values one after another: the JSON parser reads it and knows each one's line
            int[] ignored = {0, 0};  // documents with other fields; documents naming a position named before
            try (JsonParser p = (yaml ? YAML : MAPPER).getFactory().createParser(in)) {
                p.setCodec(yaml ? YAML : MAPPER);
                JsonToken t;
                int before = documents;
                while ((t = p.nextToken()) != null) {
                    if (yaml && (t == JsonToken.VALUE_NULL || (t == JsonToken.VALUE_STRING && p.getTextLength() == 0))) {
                        continue;  // an empty YAML document
                    }
                    if (t == JsonToken.START_ARRAY) {
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                            document(name, p, ignored);
                        }
                    } else {
                        document(name, p, ignored);
                    }
                }
                if (documents == before) {
                    problems.add(TerminalText.escape(name) + ": no documents: nothing to delete");
                }
            }
            if (ignored[1] > 0) {
                warnings.add(TerminalText.escape(name) + ": " + ignored[1] + " document" + (ignored[1] == 1 ? " names a position" : "s name positions")
                    + " named before; each position is deleted once");
            }
            if (ignored[0] > 0) {
                warnings.add(TerminalText.escape(name) + ": fields other than userId and id are ignored (" + ignored[0]
                    + " document" + (ignored[0] == 1 ? "" : "s") + " had some)");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            problems.add(TerminalText.escape(name) + ":" + line + ": not valid " + (s.format() == Format.YAML ? "YAML" : "JSON")
                + ": " + TerminalText.escape(e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(TerminalText.escape(name) + ": " + (s.path() != null && !s.isStdin() && !Files.exists(s.path())
                ? "no such file" : "cannot read: " + IoReasons.of(e)));
        }
    }

    private void document(String name, JsonParser p, int[] ignored) throws IOException {
        documents++;
        int line = p.getTokenLocation().getLineNr();
        JsonNode doc = p.readValueAsTree();
        String where = TerminalText.escape(name) + ":" + line;
        if (doc == null || !doc.isObject()) {
            problems.add(where + ": expected an object with userId and id");
            return;
        }
        String user = text(doc, "userId");
        String id = text(doc, "id");
        if (user == null || id == null) {
            problems.add(where + ": " + (user == null && id == null ? "userId and id are" : user == null ? "userId is" : "id is")
                + " missing (a non-empty string is needed)");
            return;
        }
        for (var it = doc.fieldNames(); it.hasNext(); ) {
            if (!ADDRESS.contains(it.next())) {
                ignored[0]++;
                break;
            }
        }
        DeleteTarget t = new DeleteTarget(user, id, name, line);
        // twice in one $batch, one DELETE would race the other and report notFound for a position it deleted
        if (seen.putIfAbsent(user + "\n" + id, t) != null) {
            ignored[1]++;
            return;
        }
        targets.add(t);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    /** Stdin with no extension: JSON starts with '{' or '['; anything else is read as YAML. */
    private static boolean looksLikeYaml(InputStream in) throws IOException {
        in.mark(1 << 16);
        try {
            for (int i = 0, c; i < (1 << 16) && (c = in.read()) != -1; i++) {
                if (c == '\uFEFF' || Character.isWhitespace(c) || c == 0xEF || c == 0xBB || c == 0xBF) {
                    continue;
                }
                return c != '{' && c != '[';
            }
            return false;
        } finally {
            in.reset();
        }
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // stdin belongs to the process
            }
        };
    }
}
