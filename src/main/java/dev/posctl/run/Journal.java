package dev.posctl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import dev.posctl.input.Edit;
import dev.posctl.json.JsonTrees;
import dev.posctl.validate.Location;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code --journal}: each edit's outcome appended and flushed as soon as it is known, so a run that
 * is killed (even with SIGKILL) can be resumed: edits recorded as updated or unchanged are not
 * sent again, and undone: {@link Undo} reverses exactly the updates it records. An edit is known
 * by its source, its place there and its content.
 *
 * <p>One run at a time: the journal is locked while open, and a second run is refused. A line cut
 * short by a kill is ended before the next record, so the record after it stays readable.
 *
 * <p>The format, version 2: UTF-8 NDJSON, append-only, one object per line and outcome:
 * <pre>
 * v           2 (lines without it are version 1: no before/written, so not reversible)
 * key         16 hex digits: the edit's {@link #key}, what --resume looks up
 * source, line, document, user, id, status, httpStatus, errorCode, requestId, error
 *             as in a --report line; status is sending, updated, unchanged or failed
 * before      sending and updated: each top-level field the PATCH writes, with its value as the
 *             merge read it (null: absent then); missing when the run did not read (--no-merge)
 * written     sending and updated: those fields as the PATCH body sends them (complex values whole)
 * </pre>
 * A sending line is written and flushed just before its PATCH goes out; the outcome's line
 * (same key) follows once known. A sending line with no updated line after it is a write whose
 * outcome nobody knows (the run was killed with it in flight, or it failed): undo checks the
 * position and reverses it only if it holds what was written. Unchanged and failed lines carry
 * no before/written, so a run that changes little writes a small journal; --no-merge writes no
 * sending lines, as there is nothing to put back.
 * Deletes ({@code delete -f --journal}) add a record kind in the same version, marked
 * {@code "kind": "delete"}: a {@code deleting} line, written and flushed just before the DELETE
 * goes out, holds the position's full body as read just before ({@code position}), so the position
 * can be recreated; the outcome's line follows with status deleted, notFound or failed; undo
 * creates the position again from it (read-only fields left out: the new position has a new id).
 * A resumed run that finds gone a position whose deleting line has no outcome records it deleted,
 * not notFound: the cut-off run's DELETE landed, and undo must still create it again.
 * Creates are marked {@code "kind": "create"}: a {@code creating} line with the body ({@code written})
 * just before the POST, then the outcome: created (with the new {@code id} and {@code written}),
 * failed or unknown. Undo deletes what was created, if it still holds what was written; a creating
 * line with no outcome after it, or an unknown one (a 5xx or no answer after the POST went out), is
 * a create nobody knows the id of: undo and --resume report it (check with posctl list) and never
 * send it again. Only a failed line (a refusal: nothing was made) lets --resume send it again.
 * Readers skip lines they cannot parse (a kill's cut line) and fields they do not know; a
 * version above {@link #VERSION} is refused by undo rather than half understood.
 */
public final class Journal implements AutoCloseable {
    /** The format written; see above. */
    public static final int VERSION = 2;
    /** The status of a write about to be sent, whose outcome follows on a later line unless the run was killed. */
    public static final String SENDING = "sending";
    /** The status of a delete about to be sent; its line holds the position as read just before. */
    public static final String DELETING = "deleting";
    /** The kind of the lines a delete run writes (update's lines have no kind). */
    public static final String DELETE_KIND = "delete";
    /** The status of a create about to be sent; its line holds the body sent. */
    public static final String CREATING = "creating";
    /** The kind of a create's lines. */
    public static final String CREATE_KIND = "create";

    private final Path file;
    private final NdjsonAppender out;
    private final LongSet done = new LongSet();
    /**
     * Creates whose last line says they may exist with an id nobody knows: sent and never answered
     * (creating, then nothing), or answered with no proof either way (unknown). A failed line after
     * them settles them, a creating line of a later run unsettles them again: the last line rules.
     */
    private final LongSet uncertain = new LongSet();
    /** Deletes whose last line is deleting: the DELETE went out and the run was cut off before its outcome. */
    private final LongSet deleting = new LongSet();

    private Journal(Path file, NdjsonAppender out) {
        this.file = file;
        this.out = out;
    }

    /** @param resume read the journal's done edits first, and append; otherwise start it afresh */
    public static Journal open(Path file, boolean resume) {
        boolean append = resume && Files.exists(file);
        createPrivate(file);
        Journal j = new Journal(file, NdjsonAppender.locked(file, append, "its journal"));
        if (append) {
            try {
                j.load();
                j.out.endPartialLine();
            } catch (IOException e) {
                j.close();
                throw new PosctlException(ExitCode.CONFIG, "journal " + file + ": cannot read: " + IoReasons.of(e), e);
            }
        }
        return j;
    }

    /**
     * A new journal is made readable by its owner only: it holds the values of the fields a run
     * wrote (names, titles, managers). One that exists keeps the permissions its owner gave it.
     */
    private static void createPrivate(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (FileAlreadyExistsException e) {
            // an earlier run's journal, or a device such as /dev/null: left as it is
        } catch (IOException e) {
            // NdjsonAppender opens it next and reports why it cannot, in its words
        }
    }

    private void load() throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode n = line(line);
                if (n == null) {
                    continue;  // that edit is simply not done
                }
                Long key = keyOf(n);
                if (key == null) {
                    continue;  // not a line this journal wrote: that edit is simply not done
                }
                String status = n.path("status").asText();
                String kind = n.path("kind").asText();
                if (CREATE_KIND.equals(kind)) {
                    if (status.equals(CREATING) || status.equals(Outcome.Status.unknown.name())) {
                        uncertain.add(key);
                    } else {
                        uncertain.remove(key);
                        if (status.equals(Outcome.Status.created.name())) {
                            done.add(key);
                        }
                    }
                    continue;
                }
                if (DELETE_KIND.equals(kind)) {
                    if (status.equals(DELETING)) {
                        deleting.add(key);
                    } else {
                        deleting.remove(key);
                    }
                }
                // a delete whose position is gone, deleted or found missing, is as done as an update
                if (status.equals("updated") || status.equals("unchanged")
                    || (DELETE_KIND.equals(kind) && (status.equals("deleted") || status.equals("notFound")))) {
                    done.add(key);
                }
            }
        }
    }

    /**
     * The record a journal line holds, or null for a blank line or one a kill cut short: that
     * record was never whole, so what it would have said is simply not known.
     */
    public static JsonNode line(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return JsonTrees.read(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** A record's key, or null when it has none a journal writes. */
    public static Long keyOf(JsonNode record) {
        if (!record.path("key").isTextual()) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(record.get("key").asText(), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A create an earlier run sent and never heard a definite answer for (it was killed with the
     * request in flight, or the server answered 5xx or not at all): it may exist, so a resumed run
     * must not send it again blindly.
     */
    public boolean isUncertain(long key) {
        return uncertain.contains(key);
    }

    /**
     * A delete an earlier run sent and was cut off before recording: if a resumed run finds the
     * position gone, that DELETE landed, and undo must still be able to create it again.
     */
    public boolean isDeleteInFlight(long key) {
        return deleting.contains(key);
    }

    public int doneCount() {
        return done.size();
    }

    public boolean isDone(long key) {
        return done.contains(key);
    }

    /** @throws PosctlException (exit 7) when the line cannot be written, and for every record after that */
    public void record(long key, Operation.Kind kind, Outcome r) {
        if (kind == Operation.Kind.delete) {
            recordDelete(key, r.source() != null ? r.source().source() : null, r.source() != null ? r.source().line() : 0, r.user(),
                r.id(), r.status().name(), r.httpStatus(), r.requestId(), r.error());
            return;
        }
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("v", VERSION);
        if (kind == Operation.Kind.create) {
            line.put("kind", CREATE_KIND);
        }
        line.put("key", Long.toHexString(key));
        line.setAll(r.toReport());
        if (kind == Operation.Kind.create && r.status() == Outcome.Status.created && r.written() != null) {
            line.set("written", r.written());
        } else if (r.status() == Outcome.Status.updated && r.written() != null) {
            if (r.before() != null) {
                line.set("before", r.before());
            }
            line.set("written", r.written());
        }
        out.write(line);
    }

    /**
     * Before a write is sent: what it will write and the values it replaces, so that a run killed
     * before the outcome is recorded (up to every write in flight) can still be undone exactly.
     */
    public void intend(long key, Location source, Steps.Write p) {
        ObjectNode before = p.before();
        if (before == null) {
            return;  // nothing read, nothing to put back: undo says so for the recorded outcome
        }
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("v", VERSION).put("key", Long.toHexString(key));
        line.put("source", source != null ? source.source() : null);
        line.put("line", source != null ? source.line() : 0);
        line.put("document", source != null ? source.document() : 0);
        line.put("user", p.target().user());
        line.put("id", p.target().id());
        line.put("status", SENDING);
        line.set("before", before);
        line.set("written", p.written());
        out.write(line);
    }

    /**
     * Before a POST is sent: what it creates, so that a run killed before its answer (which alone
     * tells the new id) knows that this create may exist, and does not send it again.
     */
    public void intendCreate(long key, Location source, String user, ObjectNode body) {
        ObjectNode line = JsonNodeFactory.instance.objectNode().put("v", VERSION).put("kind", CREATE_KIND).put("key", Long.toHexString(key));
        line.put("source", source != null ? source.source() : null);
        line.put("line", source != null ? source.line() : 0);
        line.put("document", source != null ? source.document() : 0);
        line.put("user", user);
        line.put("status", CREATING);
        line.set("written", body);
        out.write(line);
    }

    /**
     * Before a DELETE is sent: the position's full body, so that it can be recreated even when the
     * run is killed before the outcome is recorded.
     */
    public void intendDelete(long key, String source, int line, String user, String id, JsonNode position) {
        ObjectNode l = deleteLine(key, source, line, user, id, DELETING);
        l.set("position", position);
        out.write(l);
    }

    /** A delete's outcome; {@code status} is deleted, notFound or failed. */
    public void recordDelete(long key, String source, int line, String user, String id, String status, int httpStatus,
                             String requestId, String error) {
        ObjectNode l = deleteLine(key, source, line, user, id, status);
        l.put("httpStatus", httpStatus);
        l.put("requestId", requestId);
        if (error != null) {
            l.put("error", error);
        }
        out.write(l);
    }

    private static ObjectNode deleteLine(long key, String source, int line, String user, String id, String status) {
        ObjectNode l = JsonNodeFactory.instance.objectNode().put("v", VERSION).put("kind", DELETE_KIND).put("key", Long.toHexString(key));
        l.put("source", source);
        l.put("line", line);
        l.put("user", user);
        l.put("id", id);
        l.put("status", status);
        return l;
    }

    /** A delete's key: FNV-1a over its source (as for {@link #key(Edit, String)}), line, user and id. */
    public static long deleteKey(String source, int line, String user, String id) {
        long h = 0xcbf29ce484222325L;
        String s = "delete\n" + source + "\n" + line + "\n" + user + "\n" + id;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * FNV-1a over source, document index and content: stable across runs of the same input.
     *
     * @param source what the edit's source is known by: a file's real path, so that {@code -f b.ndjson}
     *               and {@code -f ./b.ndjson} are one input; the name of stdin or a pipe
     */
    public static long key(Edit e, String source) {
        long h = 0xcbf29ce484222325L;
        String s = (e.location() != null ? source + "\n" + e.location().document() : "") + "\n" + JsonTrees.compact(e.body());
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public void close() {
        out.close();
    }
}
