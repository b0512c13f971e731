package dev.posctl.core;

/** posctl's documented process exit codes; scripts depend on these numbers, so never renumber. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int DIFFERENCES = 1;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;
    public static final int REJECTED = 4;
    public static final int AUTH = 5;
    public static final int UNREACHABLE = 6;
    public static final int CONFIG = 7;
    public static final int INTERNAL = 70;
    public static final int INTERRUPTED = 130;

    private ExitCode() {}

    /** The table shown in {@code posctl --help} and the README. */
    public static final String[][] TABLE = {
        {"0", "success"},
        {"1", "differences found (diff)"},
        {"2", "usage error (bad option or argument)"},
        {"3", "invalid input: nothing was sent"},
        {"4", "the endpoint rejected one or more edits"},
        {"5", "authentication or permission failure"},
        {"6", "endpoint unreachable or still failing after retries"},
        {"7", "configuration error, or a file it writes (journal, report, output) cannot be written"},
        {"70", "internal error (a bug: please report it)"},
        {"130", "interrupted"},
    };
}
