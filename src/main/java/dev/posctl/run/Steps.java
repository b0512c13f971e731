package dev.posctl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.http.GraphResponse;
import java.util.List;

/**
 * The steps of one kind of operation. {@link Sequence} runs them in the same order for every kind
 * (target, read, plan, write, finish) and a {@link Transport} carries the reads and writes, one
 * request at a time or 20 to a {@code $batch}.
 */
interface Steps {
    /**
     * Which position the operation addresses.
     *
     * @param read the position as already read (found by {@code --current} in the list), or null
     */
    record Target(Operation op, String user, String id, GraphResponse read) {}

    /**
     * A write to send ({@code url} relative to the version root) and what it changes.
     *
     * @param current the position as read before, or null when nothing was read
     */
    record Write(Target target, String method, String url, ObjectNode body, List<String> changed, JsonNode current) {
        /** What undo puts back for an update: the value before of every field the body writes; null without a read. */
        public ObjectNode before() {
            if (current == null) {
                return null;
            }
            ObjectNode before = JsonNodeFactory.instance.objectNode();
            written().fieldNames().forEachRemaining(name -> {
                JsonNode was = current.get(name);
                before.set(name, was == null ? JsonNodeFactory.instance.nullNode() : was.deepCopy());
            });
            return before;
        }

        /** The body without the addressing id the seed path style adds; null for a DELETE. */
        public ObjectNode written() {
            if (body == null) {
                return null;
            }
            ObjectNode w = body.deepCopy();
            w.remove("id");
            return w;
        }
    }

    /** What planning decided: either a finished outcome or a write to send. */
    record Plan(Outcome done, Write write) {}

    /** @throws dev.posctl.core.PosctlException when finding the target needs a call that fails */
    Target target(Operation op);

    /** Where to read the position before planning, or null when this operation needs no read. */
    String readUrl(Target t);

    /** What the read (null when none was made) means: an outcome already, or a write. */
    Plan plan(Target t, GraphResponse read);

    /** The outcome of a write, from its answer. */
    Outcome finish(Write w, GraphResponse answer);
}
