package dev.posctl.export;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where user documents go, one at a time and in order: a stream or a directory. */
public interface DocumentSink extends AutoCloseable {
    void write(String userId, ObjectNode document);

    /** Ends the output (a JSON array's closing bracket); the stream itself stays open. */
    @Override
    void close();
}
