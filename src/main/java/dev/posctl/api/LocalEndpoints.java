package dev.posctl.api;

import dev.posctl.core.Environment;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where requests go when no endpoint is configured: an embedded sandbox, reached through this so
 * that the client code never imports the server. A command gets one of its own; a shell lends
 * every line the same one.
 */
public interface LocalEndpoints {
    /** A running sandbox for one command; closing the lease releases it. */
    Lease open(Environment env);

    interface Lease extends AutoCloseable {
        URI base();

        Path data();

        /** True when people were already told where requests go (a shell says it once). */
        boolean announced();

        @Override
        void close();
    }
}
