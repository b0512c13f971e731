package dev.posctl.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects problems, keeping at most a bounded number in memory (a million bad lines must not
 * exhaust the heap) while counting all of them. Read-only fields are one problem per source
 * (see {@link ReadOnlyFields}), counted once.
 */
public final class ProblemSink {
    public static final int DEFAULT_KEEP = 10_000;

    private final List<Problem> kept = new ArrayList<>();
    private final Map<String, ReadOnlyFields> readOnly = new LinkedHashMap<>();
    private final int keep;
    private final boolean strict;
    private long errors;
    private long warnings;

    public ProblemSink(boolean strict) {
        this(strict, DEFAULT_KEEP);
    }

    public ProblemSink(boolean strict, int keep) {
        this.strict = strict;
        this.keep = keep;
    }

    public void add(Problem problem) {
        Problem p = strict ? problem.asError() : problem;
        if (p.code() == ProblemCode.READ_ONLY) {
            ReadOnlyFields fields = readOnly.get(p.location().source());
            if (fields == null) {
                readOnly.put(p.location().source(), new ReadOnlyFields(p, keepCounted(p)));
            } else {
                fields.add(p.path(), p.location().document());
                refresh(fields);
            }
            return;
        }
        keepCounted(p);
    }

    /** Counts the problem and keeps it when there is room; returns where it is kept, or -1. */
    private int keepCounted(Problem p) {
        if (p.isError()) {
            errors++;
        } else {
            warnings++;
        }
        if (kept.size() < keep) {
            kept.add(p);
            return kept.size() - 1;
        }
        return -1;
    }

    private void refresh(ReadOnlyFields fields) {
        if (fields.index() >= 0) {
            kept.set(fields.index(), fields.problem());
        }
    }

    /** Takes over another sink's problems, moved by the lines and documents that came before them. */
    public void absorb(ProblemSink other, int lines, int documents) {
        for (Problem p : other.kept) {
            if (p.code() != ProblemCode.READ_ONLY) {
                add(p.shift(lines, documents));
            }
        }
        for (ReadOnlyFields theirs : other.readOnly.values()) {
            Problem first = theirs.first().shift(lines, documents);
            first = strict ? first.asError() : first;
            ReadOnlyFields ours = readOnly.get(first.location().source());
            if (ours == null) {
                ours = new ReadOnlyFields(first, keepCounted(first));
                readOnly.put(first.location().source(), ours);
            }
            ours.merge(theirs, documents);
            refresh(ours);
        }
    }

    public List<Problem> problems() {
        return Collections.unmodifiableList(kept);
    }

    public long errors() {
        return errors;
    }

    public long warnings() {
        return warnings;
    }

    /** How many problems were counted but not kept. */
    public long dropped() {
        return errors + warnings - kept.size();
    }

    public boolean hasErrors() {
        return errors > 0;
    }
}
