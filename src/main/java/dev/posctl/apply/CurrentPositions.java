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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current positions of the users a plan names, read as export reads them: 20 users to a
 * {@code $batch}, several batches at once, each user's pages followed. A plan is made from all of
 * them or not at all: a user who cannot be read stops it before anything is sent.
 */
public final class CurrentPositions {
    private CurrentPositions() {}

    /** @throws PosctlException the first user's failure, with that failure's exit code */
    public static Map<String, List<JsonNode>> read(PositionService service, BatchClient batch, int concurrency, Collection<String> users)
        throws InterruptedException {
        Map<String, List<JsonNode>> current = new LinkedHashMap<>();
        PosctlException[] failure = new PosctlException[1];
        DocumentSink collect = new DocumentSink() {
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
        Exporter reader = new Exporter(service, batch, concurrency, collect, new Exporter.Listener() {
            @Override
            public void exported(String userId, int positions) {
            }

            @Override
            public void failed(String userId, PosctlException e) {
                if (failure[0] == null) {
                    failure[0] = new PosctlException(e.exitCode(), "cannot read the current positions of " + userId + ": "
                        + e.getMessage() + "; no plan was made and nothing was sent");
                }
            }
        });
        try {
            for (String user : users) {
                if (failure[0] != null) {
                    break;
                }
                reader.submit(user);
            }
            reader.finish();
        } finally {
            reader.abort();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return current;
    }
}
