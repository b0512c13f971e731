package dev.posctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import dev.posctl.run.Journal;
import dev.posctl.run.Operation;
import dev.posctl.run.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * On {@code apply --resume}: the creates an earlier run sent without learning their outcome (it was
 * killed with them in flight, or the answer was an error after sending). A plain create run must
 * leave them alone, as they may exist with an id nobody knows; apply has just read every position
 * of their users, so it knows. A desired position the read found was created: the journal is told
 * its id, so undo deletes it. One it did not find was not: the journal is told so, and the run
 * creates it now.
 */
public final class InDoubtCreates {
    private InDoubtCreates() {}

    /** What settling found: creates that had landed, and creates that had not (sent again). */
    public record Settled(int landed, int missing) {}

    /**
     * @param sourceIds what the journal knows each source by, as the run is told
     * @throws PosctlException exit 7 when the journal cannot be read or written
     */
    public static Settled settle(Path journal, String shown, List<Planner.Step> steps, Function<String, String> sourceIds) {
        Map<Long, String> inDoubt = inDoubt(journal, shown);
        if (inDoubt.isEmpty()) {
            return new Settled(0, 0);
        }
        int landed = 0;
        int missing = 0;
        try (Journal j = Journal.open(journal, true)) {
            for (Planner.Step s : steps) {
                if (s.action() == Planner.Action.delete) {
                    continue;
                }
                Operation create = PlanOperations.create(s);
                long key = Journal.key(create.edit(), s.source() != null ? sourceIds.apply(s.source().source()) : null);
                if (!inDoubt.containsKey(key)) {
                    continue;
                }
                if (s.action() == Planner.Action.create) {
                    j.record(key, Operation.Kind.create, Outcome.failed(s.source(), s.user(), null, 0, "notCreated",
                        "not created: a read after the run found no such position; created now", null, ExitCode.OK));
                    missing++;
                } else {
                    j.record(key, Operation.Kind.create, new Outcome(s.source(), s.user(), s.id(), Outcome.Status.created, 0, List.of(),
                        s.current(), null, null, null, null, 0, null, create.edit().fields()));
                    landed++;
                }
            }
        }
        return new Settled(landed, missing);
    }

    /** The create keys whose last line is a create being sent, or one whose outcome is unknown. */
    private static Map<Long, String> inDoubt(Path journal, String shown) {
        Map<Long, String> last = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode n = Journal.line(line);
                Long key = n == null ? null : Journal.keyOf(n);
                if (key != null && Journal.CREATE_KIND.equals(n.path("kind").asText())) {
                    last.put(key, n.path("status").asText());
                }
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new PosctlException(ExitCode.CONFIG, "journal " + shown + ": cannot read: " + IoReasons.of(e), e);
        }
        last.values().removeIf(status -> !status.equals(Journal.CREATING) && !status.equals(Outcome.Status.unknown.name()));
        return last;
    }
}
