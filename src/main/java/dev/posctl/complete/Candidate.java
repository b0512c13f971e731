package dev.posctl.complete;

/**
 * One completion.
 *
 * @param complete whether the word is finished (a space may follow); false for {@code detail.company.}
 *                 or {@code detail.jobTitle=}, where typing goes on
 */
public record Candidate(String value, String description, boolean complete) {
    public static Candidate of(String value) {
        return new Candidate(value, null, true);
    }
}
