package dev.posctl.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects problems, keeping at most a bounded number in memory (a million bad lines must not
 * exhaust the heap) while counting all of them.
 */
public final class ProblemSink {
    public static final int DEFAULT_KEEP = 10_000;

    private final List<Problem> kept = new ArrayList<>();
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
        if (p.isError()) {
            errors++;
        } else {
            warnings++;
        }
        if (kept.size() < keep) {
            kept.add(p);
        }
    }

    /** Takes over another sink's problems, moved by the lines and documents that came before them. */
    public void absorb(ProblemSink other, int lines, int documents) {
        for (Problem p : other.kept) {
            add(p.shift(lines, documents));
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
