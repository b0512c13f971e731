package dev.posctl.validate;

import java.util.Set;
import java.util.TreeSet;

/**
 * The read-only fields of one source, said once: what {@code get} prints (createdBy,
 * createdDateTime, lastModifiedBy, lastModifiedDateTime) fed back into {@code update -f} made four
 * warnings per position, and the one that matters drowned in them.
 */
final class ReadOnlyFields {
    private final Problem first;
    private final int index;
    private final Set<String> fields = new TreeSet<>();
    private int documents = 1;
    private int lastDocument;

    /** @param index where the sink keeps this source's one problem, or -1 when it keeps none */
    ReadOnlyFields(Problem first, int index) {
        this.first = first;
        this.index = index;
        this.lastDocument = first.location().document();
        fields.add(first.path());
    }

    int index() {
        return index;
    }

    Problem first() {
        return first;
    }

    void add(String path, int document) {
        fields.add(path);
        if (document != lastDocument) {
            documents++;
            lastDocument = document;
        }
    }

    /** Another sink's fields of the same source, its documents coming after {@code documentsBefore}. */
    void merge(ReadOnlyFields other, int documentsBefore) {
        fields.addAll(other.fields);
        int otherFirst = other.first.location().document() + documentsBefore;
        documents += otherFirst == lastDocument ? other.documents - 1 : other.documents;
        lastDocument = other.lastDocument + documentsBefore;
    }

    /** One field in one document as it always was; more, as one problem that lists them. */
    Problem problem() {
        if (fields.size() == 1 && documents == 1) {
            return first;
        }
        return new Problem(first.location(), first.severity(), first.code(), "",
            "read-only fields ignored: " + String.join(", ", fields) + " (set by the service; left out of the request"
                + (documents == 1 ? ")" : "s; in " + documents + " documents)"));
    }
}
