package dev.posctl.input;

import dev.posctl.schema.Schema;
import dev.posctl.validate.DocumentRules;
import dev.posctl.validate.DocumentWalker;
import dev.posctl.validate.ProblemSink;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * All the edits of one command: its sources, or the flags alone when there are none. Reading
 * streams them through validation; call it again to stream them a second time.
 */
public final class EditInputs {
    private final Schema schema;
    private final List<Source> sources;
    private final OverlayBuilder flags;
    private final boolean requireId;
    private final Opener opener;
    private final boolean acceptUsers;

    /** Where a source's bytes come from when not simply from stdin or its file. */
    public interface Opener {
        /** @return the stream to read the source from (closed after), or null to read it as usual */
        InputStream open(Source source, InputStream stdin) throws java.io.IOException;
    }

    public EditInputs(Schema schema, List<Source> sources, OverlayBuilder flags) {
        this(schema, sources, flags, true);
    }

    /** @param requireId false where the position is found another way (update --current, create) */
    public EditInputs(Schema schema, List<Source> sources, OverlayBuilder flags, boolean requireId) {
        this(schema, sources, flags, requireId, null, false);
    }

    private EditInputs(Schema schema, List<Source> sources, OverlayBuilder flags, boolean requireId, Opener opener,
                       boolean acceptUsers) {
        this.schema = schema;
        this.sources = List.copyOf(sources);
        this.flags = flags;
        this.requireId = requireId;
        this.opener = opener;
        this.acceptUsers = acceptUsers;
    }

    /**
     * The same inputs, reading user documents ({userId, positions}, as export writes) as one edit per
     * position, id optional; without this a user document is an error (it is a desired state, not an edit).
     */
    public EditInputs acceptingUserDocuments() {
        return new EditInputs(schema, sources, flags, requireId, opener, true);
    }

    public List<Source> sources() {
        return sources;
    }

    /** The same edits read from other sources (stdin spooled to a file, say). */
    public EditInputs withSources(List<Source> replaced) {
        return new EditInputs(schema, replaced, flags, requireId, null, acceptUsers);
    }

    /** The same edits, with the sources the opener takes read through it (the spool's copying pass). */
    public EditInputs readingThrough(Opener through) {
        return new EditInputs(schema, sources, flags, requireId, through, acceptUsers);
    }

    /** Streams every edit to the consumer in input order, problems to the sink; returns the number of edits. */
    public long read(ProblemSink sink, InputStream stdin, Supplier<LocalDate> today, Consumer<Edit> consumer) {
        return read(sink, stdin, today, consumer, true);
    }

    /**
     * The same, telling {@code users} the userId of each user document as it is read: from the
     * parsing threads of a large NDJSON input, so it must be thread-safe, and in no set order.
     */
    public long read(ProblemSink sink, InputStream stdin, Supplier<LocalDate> today, Consumer<Edit> consumer, Consumer<String> users) {
        return read(sink, stdin, today, consumer, true, new LongAdder(), new LongAdder(), users);
    }

    /**
     * What validate counts: every document read (an edit or not), the edits among them, and the valid
     * edits; {@code documents - edits} documents were not edits (a number, say, in an array of edits).
     * Each position of a user document counts as a document; {@code users} counts the user documents.
     */
    public record Counts(long documents, long edits, long valid, long users) {}

    /** Checks every edit without keeping any: the fastest pass, for validate. */
    public Counts count(ProblemSink sink, InputStream stdin, Supplier<LocalDate> today) {
        LongAdder valid = new LongAdder();
        LongAdder documents = new LongAdder();
        LongAdder users = new LongAdder();
        long n = read(sink, stdin, today, e -> {
            if (e.valid()) {
                valid.increment();
            }
        }, false, documents, users, null);
        return new Counts(documents.sum(), n, valid.sum(), users.sum());
    }

    private long read(ProblemSink sink, InputStream stdin, Supplier<LocalDate> today, Consumer<Edit> consumer, boolean ordered) {
        return read(sink, stdin, today, consumer, ordered, new LongAdder(), new LongAdder(), null);
    }

    private long read(ProblemSink sink, InputStream stdin, Supplier<LocalDate> today, Consumer<Edit> consumer, boolean ordered,
                      LongAdder documents, LongAdder users, Consumer<String> userIds) {
        Overlay overlay = flags.build(sink);
        EditReader reader = new EditReader(new DocumentWalker(schema), new DocumentRules(today, requireId), overlay, sink, acceptUsers);
        if (userIds != null) {
            reader.onUserDocument(userIds);
        }
        try {
            if (sources.isEmpty()) {
                reader.readFlags(consumer);
                return 1;
            }
            long n = 0;
            for (Source source : sources) {
                n += reader.read(source, stdin, opener, consumer, ordered);
            }
            return n;
        } finally {
            documents.add(reader.documents());
            users.add(reader.users());
        }
    }
}
