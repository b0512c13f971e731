package dev.posctl.sandbox;

import dev.posctl.api.LocalEndpoints;
import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** The embedded sandbox as a command's endpoint: one per command, or one shared by a shell session. */
public final class EmbeddedSandboxes {
    public static final String DATA_VARIABLE = "POSCTL_SANDBOX_DATA";

    private EmbeddedSandboxes() {}

    /** {@code given}, else {@code POSCTL_SANDBOX_DATA}, else the XDG data directory; relative paths against the cwd. */
    public static Path dataFile(Path given, Environment env) {
        Path p;
        if (given != null) {
            p = given;
        } else if (env.get(DATA_VARIABLE) != null) {
            p = Path.of(env.get(DATA_VARIABLE));
        } else {
            p = env.xdg("XDG_DATA_HOME", ".local/share").resolve("posctl").resolve("sandbox.json");
        }
        return env.cwd().resolve(p).normalize();
    }

    /** A sandbox started for one command and stopped when it ends. */
    public static LocalEndpoints perCommand() {
        return env -> {
            SandboxServer server = start(dataFile(null, env));
            return lease(server, dataFile(null, env), false, server::close);
        };
    }

    /** One sandbox for a whole shell session, started when a line first needs it. */
    public static final class Shared implements LocalEndpoints, AutoCloseable {
        private SandboxServer server;
        private Path data;

        @Override
        public synchronized Lease open(Environment env) {
            boolean announced = server != null;
            if (server == null) {
                data = dataFile(null, env);
                server = start(data);
            }
            return lease(server, data, announced, () -> { });
        }

        public synchronized boolean started() {
            return server != null;
        }

        @Override
        public synchronized void close() {
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }

    private static SandboxServer start(Path data) {
        try {
            return SandboxServer.start(SandboxOptions.builder().dataFile(data).build());
        } catch (IOException | RuntimeException e) {
            throw new PosctlException(ExitCode.CONFIG, "cannot start the embedded sandbox with data " + data + ": " + e.getMessage(), e);
        }
    }

    private static LocalEndpoints.Lease lease(SandboxServer server, Path data, boolean announced, Runnable release) {
        URI base = server.baseUri();
        return new LocalEndpoints.Lease() {
            @Override
            public URI base() {
                return base;
            }

            @Override
            public Path data() {
                return data;
            }

            @Override
            public boolean announced() {
                return announced;
            }

            @Override
            public void close() {
                release.run();
            }
        };
    }
}
