package dev.posctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.PositionService;
import dev.posctl.core.PosctlException;
import dev.posctl.export.DocumentSink;
import dev.posctl.export.Exporter;
import dev.posctl.http.BatchClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The current positions of every user a desired state names, read as export reads them: 20 users'
 * lists to a {@code $batch}, {@code concurrency} batches in flight, nextLinks followed. A plan of
 * 10,000 users then takes seconds, not one round trip per user. Read-only fields are left out, as
 * export leaves them out: a plan compares what a document can say.
 */
public final class CurrentPositions {
    private CurrentPositions() {}

    /** @throws PosctlException the first user whose positions could not be read: a plan must not guess */
    public static Map<String, List<JsonNode>> read(PositionService service, BatchClient batch, int concurrency,
                                                   Collection<String> users) throws InterruptedException {
        Map<String, List<JsonNode>> current = new HashMap<>();
        DocumentSink sink = new DocumentSink() {
            @Override
            public void write(String userId, ObjectNode document) {
                List<JsonNode> positions = new ArrayList<>();
                document.path("positions").forEach(positions::add);
                current.put(userId, positions);
            }

            @Override
            public void close() {
            }
        };
        Exporter reader = new Exporter(service, batch, concurrency, sink, new Exporter.Listener() {
            @Override
            public void exported(String userId, int positions) {
            }

            @Override
            public void failed(String userId, PosctlException e) {
                // no plan from a partial picture: stop asking, the first failure is the answer
                throw e;
            }
        });
        try {
            for (String user : users) {
                reader.submit(user);
            }
            reader.finish();
        } catch (PosctlException e) {
            reader.abort();
            throw e;
        }
        return current;
    }
}
