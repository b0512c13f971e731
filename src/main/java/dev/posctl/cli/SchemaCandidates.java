package dev.posctl.cli;

import dev.posctl.schema.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Completion candidates that come from the schema, so they never drift from validation. */
final class SchemaCandidates {
    private SchemaCandidates() {}

    static final class Audiences implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Schema.get().type("allowedAudiences").members().iterator();
        }
    }

    static final class Paths implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Schema.get().paths().iterator();
        }
    }

    static final class Assignments implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> out = new ArrayList<>();
            for (String p : Schema.get().paths()) {
                out.add(p + "=");
            }
            return out.iterator();
        }
    }
}
