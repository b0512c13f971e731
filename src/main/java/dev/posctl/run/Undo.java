package dev.posctl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import dev.posctl.export.UserDocument;
import dev.posctl.input.Edit;
import dev.posctl.schema.Schema;
import dev.posctl.validate.Location;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reverse of a run, planned from its journal (format in {@link Journal}): for every update it
 * records, an edit that puts the written fields back to their values before, and what the run
 * wrote, which the position must still hold; for every create, a delete of the new position (if it
 * still holds what was created); for every delete, a create of the position as it was read just
 * before (where it is still gone; the service gives it a new id). Only recorded writes are reversed, so a run cut off
 * midway is undone exactly as far as it got; a write in flight when it was cut off (recorded as
 * sending, its outcome never) is reversed if the position holds what it wrote, and found
 * unchanged if it still holds the values before.
 *
 * <p>A position updated more than once in the run is reversed once: each field goes back to its
 * value before the first write that touched it, and must still hold the last value written.
 */
public final class Undo {

    /**
     * One position to put back: an update reversed field by field, a created position deleted, a
     * deleted one created again.
     *
     * @param location the journal line of its first update: where results point, and what --resume keys on
     * @param kind     what the undo does: update, delete (a created position) or create (a deleted one)
     * @param reverse  update: the fields to PATCH, each with its value before (null where it was absent);
     *                 create: the deleted position's writable fields
     * @param expected the fields as the run last wrote them (null for a create: the position is gone)
     */
    public record Step(Location location, Operation.Kind kind, String user, String id, ObjectNode reverse, ObjectNode expected) {
        /** The operation that reverses this step. */
        public Operation operation() {
            if (kind == Operation.Kind.delete) {
                return Operation.delete(user, id, location);
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put(Schema.USER_ID, user);
            body.put("id", id);
            body.setAll(reverse.deepCopy());
            body.put(Schema.USER_ID, user);
            body.put("id", id);
            return new Operation(kind, new Edit(body, location, true));
        }
    }

    /** An update the journal records that cannot be reversed, and why. */
    public record Irreversible(Location location, String user, String id, String why) {}

    /** The steps in journal order, and the updates that cannot be reversed. */
    public static final class Plan {
        private final List<Step> steps;
        private final List<Irreversible> irreversible;
        private final Map<Integer, Step> byLine = new HashMap<>();

        Plan(List<Step> steps, List<Irreversible> irreversible) {
            this.steps = List.copyOf(steps);
            this.irreversible = List.copyOf(irreversible);
            steps.forEach(s -> byLine.put(s.location().line(), s));
        }

        public List<Step> steps() {
            return steps;
        }

        public List<Irreversible> irreversible() {
            return irreversible;
        }

        /** The fields a step's operation expects to find, for {@link Reversal}; read from many threads, never changed. */
        public ObjectNode expected(Operation op) {
            Step s = op.location() == null ? null : byLine.get(op.location().line());
            return s == null ? null : s.expected();
        }
    }

    private Undo() {}

    /** A journal line that undo acts on: an update, or a write sent whose outcome was never recorded. */
    private record Record(JsonNode line, Location at) {}

    /**
     * @param shown the journal's name as the user gave it, for messages and results
     * @throws PosctlException exit 3 for a file that is no journal or is of a newer version, 7 when it
     *                         cannot be read or a run still writes it
     */
    public static Plan plan(Path journal, String shown) {
        List<Record> records = new ArrayList<>();
        Map<String, Integer> pending = new HashMap<>();
        int outcomes = 0;
        int lineNo = 0;
        // closing the channel releases the lock too
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.READ)) {
            sharedLock(ch, shown);
            BufferedReader in = new BufferedReader(Channels.newReader(ch, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                JsonNode n = Journal.line(line);
                if (n == null) {
                    continue;  // its outcome was never known, so it is not undone
                }
                if (!n.isObject() || !n.has("key") || !n.has("status")) {
                    continue;
                }
                outcomes++;
                int version = n.path("v").asInt(1);
                if (version > Journal.VERSION) {
                    throw new PosctlException(ExitCode.INVALID_INPUT, shown + ":" + lineNo + ": journal version " + version
                        + " is newer than this posctl reads (" + Journal.VERSION + "); undo it with a newer posctl");
                }
                String status = n.path("status").asText();
                String key = n.path("kind").asText("update") + ":" + n.path("key").asText();
                String kind = n.path("kind").asText("");
                if (kind.equals(Journal.CREATE_KIND) || kind.equals(Journal.DELETE_KIND)) {
                    Location at = new Location(shown, lineNo, 0, lineNo);
                    if (status.equals(Journal.CREATING) || status.equals(Journal.DELETING)) {
                        pending.put(key, records.size());
                        records.add(new Record(n, at));
                        continue;
                    }
                    Integer sent = pending.remove(key);
                    JsonNode intent = sent == null ? null : records.get(sent).line();
                    if (sent != null) {
                        records.set(sent, null);
                    }
                    if (status.equals(Outcome.Status.created.name())) {
                        records.add(new Record(n, at));
                    } else if (status.equals(Outcome.Status.deleted.name()) && intent != null) {
                        // the position deleted is on the deleting line before: the outcome's line holds none
                        ObjectNode both = ((ObjectNode) n).deepCopy();
                        both.set("position", intent.get("position"));
                        records.add(new Record(both, at));
                    } else if (status.equals(Outcome.Status.deleted.name())) {
                        records.add(new Record(n, at));
                    } else if (status.equals(Outcome.Status.unknown.name())) {
                        // a later line of the same create (apply --resume finds out) settles it
                        pending.put(key, records.size());
                        records.add(new Record(n, at));
                    }
                    continue;
                }
                if (status.equals(Journal.SENDING)) {
                    pending.put(key, records.size());
                    records.add(new Record(n, new Location(shown, lineNo, 0, lineNo)));
                } else if (status.equals(Outcome.Status.updated.name())) {
                    Integer sent = pending.remove(key);
                    if (sent != null) {
                        records.set(sent, null);  // its outcome is known: the updated line stands for it
                    }
                    records.add(new Record(n, new Location(shown, lineNo, 0, lineNo)));
                }
            }
        } catch (NoSuchFileException e) {
            throw new PosctlException(ExitCode.INVALID_INPUT, "journal " + shown + ": no such file", e);
        } catch (IOException e) {
            throw new PosctlException(ExitCode.CONFIG, "journal " + shown + ": cannot read: " + IoReasons.of(e), e);
        }
        if (outcomes == 0 && lineNo > 0) {
            throw new PosctlException(ExitCode.INVALID_INPUT, shown + ": not a posctl journal (no line records an outcome)");
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        List<Irreversible> irreversible = new ArrayList<>();
        for (Record r : records) {
            if (r != null) {
                add(r.line(), r.at(), steps, irreversible);
            }
        }
        return new Plan(new ArrayList<>(steps.values()), irreversible);
    }

    private static void add(JsonNode n, Location at, Map<String, Step> steps, List<Irreversible> irreversible) {
        String user = text(n.get("user"));
        String id = text(n.get("id"));
        String kind = n.path("kind").asText("");
        String status = n.path("status").asText();
        if (kind.equals(Journal.CREATE_KIND)) {
            if (status.equals(Outcome.Status.created.name()) && user != null && id != null) {
                JsonNode written = n.get("written");
                steps.put("create\n" + user + "\n" + id, new Step(at, Operation.Kind.delete, user, id, null,
                    written != null && written.isObject() ? (ObjectNode) written.deepCopy() : null));
            } else {
                irreversible.add(new Irreversible(at, user, id, status.equals(Outcome.Status.created.name())
                    ? "not reversible: the create's answer named no id"
                    : "not reversible: this create's outcome is unknown (the run was cut off or no answer came); it may exist"
                        + " with an id nobody knows: check with posctl list --user " + user));
            }
            return;
        }
        if (kind.equals(Journal.DELETE_KIND)) {
            JsonNode position = n.get("position");
            if (user == null || id == null || position == null || !position.isObject()) {
                irreversible.add(new Irreversible(at, user, id, "not reversible: the journal does not hold the deleted position"
                    + " (the run was not journaled before deleting)"));
            } else {
                // a delete cut off in flight (deleting, no outcome) is created again only where the position is gone
                steps.put("delete\n" + user + "\n" + id, new Step(at, Operation.Kind.create, user, id,
                    UserDocument.writable((ObjectNode) position), null));
            }
            return;
        }
        JsonNode before = n.get("before");
        JsonNode written = n.get("written");
        if (user == null || id == null) {
            irreversible.add(new Irreversible(at, user, id, "not reversible: the journal line names no user or id"));
        } else if (written == null || !written.isObject()) {
            irreversible.add(new Irreversible(at, user, id,
                "not reversible: the journal does not record what was written (written by a posctl before journal version 2)"));
        } else if (before == null || !before.isObject()) {
            irreversible.add(new Irreversible(at, user, id,
                "not reversible: the run did not read the position before writing (--no-merge)"));
        } else {
            Step s = steps.computeIfAbsent(user + "\n" + id, k -> new Step(at, Operation.Kind.update, user, id,
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode()));
            written.fieldNames().forEachRemaining(name -> {
                if (!s.reverse().has(name)) {
                    JsonNode was = before.get(name);
                    s.reverse().set(name, was == null ? JsonNodeFactory.instance.nullNode() : was.deepCopy());
                }
                s.expected().set(name, written.get(name).deepCopy());
            });
        }
    }

    private static String text(JsonNode v) {
        return v == null || !v.isTextual() || v.asText().isEmpty() ? null : v.asText();
    }

    /** A run that still writes the journal holds it locked: its reverse would miss what it does next. */
    private static void sharedLock(FileChannel ch, String shown) throws IOException {
        FileLock lock;
        try {
            lock = ch.tryLock(0, Long.MAX_VALUE, true);
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new PosctlException(ExitCode.CONFIG, "journal " + shown + ": in use by a posctl run; undo it once that run has ended");
        }
    }
}
