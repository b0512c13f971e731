package dev.posctl.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.schema.Schema;
import dev.posctl.core.IoReasons;
import dev.posctl.json.Parsers;
import dev.posctl.validate.DocumentContext;
import dev.posctl.validate.DocumentRules;
import dev.posctl.validate.DocumentWalker;
import dev.posctl.validate.Location;
import dev.posctl.validate.Problem;
import dev.posctl.validate.ProblemCode;
import dev.posctl.validate.ProblemSink;
import dev.posctl.validate.Severity;
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Streams the edits of one source: parses each document, checks it against the schema, lays the
 * flags on top and checks the finished edit. One document is in memory at a time.
 */
public final class EditReader {
    private final DocumentWalker walker;
    private final DocumentRules rules;
    private final Overlay overlay;
    private final ProblemSink sink;
    private final LongAdder documents = new LongAdder();
    private final LongAdder users = new LongAdder();
    private final boolean acceptUsers;
    private boolean checkOnly;
    private Consumer<String> userIds = u -> { };

    public EditReader(DocumentWalker walker, DocumentRules rules, Overlay overlay, ProblemSink sink) {
        this(walker, rules, overlay, sink, false);
    }

    /** @param acceptUsers read user documents as their positions (validate); else refuse each one */
    EditReader(DocumentWalker walker, DocumentRules rules, Overlay overlay, ProblemSink sink, boolean acceptUsers) {
        this.acceptUsers = acceptUsers;
        this.walker = walker;
        this.rules = rules;
        this.overlay = overlay;
        this.sink = sink;
    }

    /**
     * Reads every edit of the source, handing each to the consumer; returns how many there were.
     *
     * @param ordered false lets NDJSON hand edits on from several threads, out of order (for counting)
     */
    public long read(Source source, InputStream stdin, Consumer<Edit> consumer, boolean ordered) {
        return read(source, stdin, null, consumer, ordered);
    }

    /** @param opener where the source is read from, when not from stdin or its file; may be null */
    long read(Source source, InputStream stdin, EditInputs.Opener opener, Consumer<Edit> consumer, boolean ordered) {
        checkOnly = !ordered && overlay.isEmpty();
        long usersBefore = users.sum();
        LongAdder count = new LongAdder();
        Consumer<Edit> counting = e -> {
            count.increment();
            consumer.accept(e);
        };
        // FileInputStream, not Files.newInputStream: a pipe (-f <(jq -c ...)) has no position to ask for
        try (InputStream raw = open(source, stdin, opener)) {
            InputStream in = new BufferedInputStream(raw, 1 << 16);
            Format format = source.format() != null ? source.format() : Sniffer.sniff(in);
            if (format == null) {
                empty(source);
                return 0;
            }
            if (format == Format.NDJSON) {
                new NdjsonReader(this, source, ordered).read(in, sink, counting);
            } else {
                stream(source, format, in, counting);
            }
        } catch (NoSuchFileException | FileNotFoundException e) {
            problem(Location.of(source.name()), ProblemCode.UNREADABLE, Files.isDirectory(source.path()) ? "is a directory"
                : Files.exists(source.path()) ? "cannot read: " + IoReasons.of(e) : "no such file");
            return count.sum();
        } catch (IOException e) {
            problem(Location.of(source.name()), ProblemCode.UNREADABLE, "cannot read: " + IoReasons.of(e));
            return count.sum();
        }
        if (count.sum() == 0 && !sink.hasErrors() && users.sum() == usersBefore) {
            empty(source);
        }
        return count.sum();
    }

    /** How many documents were read, edits or not (a 5 in an array of edits is a document, not an edit). */
    long documents() {
        return documents.sum();
    }

    /** Told the userId of each user document read, even one without positions (a desired state of none). */
    void onUserDocument(Consumer<String> consumer) {
        userIds = consumer;
    }

    /** How many user documents were read; each of their positions counts as a document of its own. */
    long users() {
        return users.sum();
    }

    /** A single edit made from flags alone. */
    public void readFlags(Consumer<Edit> consumer) {
        documents.increment();
        long before = sink.errors();
        DocumentContext ctx = new DocumentContext(Overlay.SOURCE, 0, 0, false, sink);
        ObjectNode body = overlay.asDocument();
        rules.check(body, ctx);
        consumer.accept(new Edit(body, ctx.start(), sink.errors() == before && !overlay.hasErrors()));
    }

    private void stream(Source source, Format format, InputStream in, Consumer<Edit> consumer) throws IOException {
        boolean yaml = format == Format.YAML;
        int doc = 0;
        DocumentContext ctx = new DocumentContext(source.name(), 0, 1, yaml, sink);
        YamlDocumentBound bound = yaml ? new YamlDocumentBound(new Utf8Check(in)) : null;
        // Jackson's JSON parser places a bad byte itself; the YAML reader's decoder cannot (Utf8Check)
        try (JsonParser p = yaml ? Parsers.yaml().createParser(bound) : Parsers.json().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (bound != null) {
                    bound.documentStarts();
                }
                if (yaml && (t == JsonToken.VALUE_NULL || (t == JsonToken.VALUE_STRING && p.getTextLength() == 0))) {
                    continue;  // an empty document, as a trailing '---' or templating leaves
                }
                if (t == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        ctx = new DocumentContext(source.name(), ++doc, 1, yaml, sink);
                        document(p, ctx, consumer);
                    }
                    continue;
                }
                ctx = new DocumentContext(source.name(), ++doc, 1, yaml, sink);
                document(p, ctx, consumer);
            }
        } catch (YamlDocumentBound.TooLong e) {
            problem(ctx.start(), ProblemCode.SYNTAX, e.getMessage());
        } catch (JsonProcessingException | Utf8Check.NotUtf8 e) {
            YamlDocumentBound.TooLong tooLong = YamlDocumentBound.in(e);
            if (tooLong != null) {
                problem(ctx.start(), ProblemCode.SYNTAX, tooLong.getMessage());
            } else {
                syntax(ctx, e);
            }
        } catch (RuntimeException e) {
            YamlDocumentBound.TooLong tooLong = YamlDocumentBound.in(e);
            if (tooLong != null) {
                problem(ctx.start(), ProblemCode.SYNTAX, tooLong.getMessage());
                return;
            }
            // SnakeYAML can throw its own unchecked errors for broken input; they are input errors
            syntax(ctx, e);
        }
    }

    /** Reads, checks and completes one document; safe to call from several threads at once. */
    ObjectNode document(JsonParser p, DocumentContext ctx, Consumer<Edit> consumer) throws IOException {
        long before = ctx.sink().errors();
        if (checkOnly) {
            ctx.checkOnly();
        }
        ObjectNode body = walker.document(p, ctx);
        if (ctx.isUserDocument()) {
            users.increment();
            if (body != null) {
                positions(body, ctx, consumer);
            }
            return body;
        }
        documents.increment();
        if (body != null && checkOnly) {
            rules.check(null, ctx);
            consumer.accept(new Edit(null, null, ctx.sink().errors() == before));
        } else if (body != null) {
            overlay.applyTo(body);
            rules.check(body, ctx);
            consumer.accept(new Edit(body, ctx.start(), ctx.sink().errors() == before && !overlay.hasErrors()));
        }
        return body;
    }

    /** Hands on each position of a user document as an edit of its user, its id optional. */
    private void positions(ObjectNode userDocument, DocumentContext ctx, Consumer<Edit> consumer) {
        if (!acceptUsers) {
            problem(ctx.start(), ProblemCode.USER_DOCUMENT_REFUSED, REFUSED);
            return;
        }
        documents.add(ctx.positions().size());
        String userId = checkOnly ? null : userDocument.path(Schema.USER_ID).isTextual() ? userDocument.get(Schema.USER_ID).asText() : null;
        if (userId != null) {
            userIds.accept(userId);
        }
        for (DocumentContext.Position position : ctx.positions()) {
            ObjectNode body = position.body();
            DocumentContext at = position.context();
            if (body == null) {
                continue;
            }
            long before = ctx.sink().errors();
            if (checkOnly) {
                at.userIdOf(ctx);
                rules.check(null, at, false);
                consumer.accept(new Edit(null, null, at.walkedClean() && ctx.sink().errors() == before));
                continue;
            }
            if (userId != null) {
                // the user's key first, as in an edit document
                ObjectNode edit = JsonNodeFactory.instance.objectNode().put(Schema.USER_ID, userId);
                edit.setAll(body);
                body = edit;
            }
            overlay.applyTo(body);
            rules.check(body, at, false);
            consumer.accept(new Edit(body, at.start(), at.walkedClean() && ctx.sink().errors() == before && !overlay.hasErrors()));
        }
    }

    static final String REFUSED = "a user document ({userId, positions}) describes a desired state: use posctl apply --plan"
        + " to see what it would change; this command takes edits ({userId, id, fields}), one per position";

    private void empty(Source source) {
        problem(Location.of(source.name()), ProblemCode.EMPTY_INPUT, "no edits found (the input is empty)");
    }

    private void problem(Location at, ProblemCode code, String message) {
        sink.add(new Problem(at, Severity.ERROR, code, "", message));
    }

    private void syntax(DocumentContext ctx, Exception e) {
        SyntaxErrors.Found found = SyntaxErrors.describe(e, 1, 0);
        problem(found.at() != null ? ctx.locate(found.at()) : ctx.start(), ProblemCode.SYNTAX, found.message());
    }

    private static InputStream open(Source source, InputStream stdin, EditInputs.Opener opener) throws IOException {
        InputStream in = opener == null ? null : opener.open(source, stdin);
        if (in != null) {
            return in;
        }
        return source.isStdin() ? nonClosing(stdin) : new FileInputStream(source.path().toFile());
    }

    static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // stdin belongs to the process, not to this reader
            }
        };
    }
}
