package dev.posctl.cli;

import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A sandbox on 127.0.0.1 seeded with users user0..user(n-1) for each test, and the command tree pointed at it with a token. */
final class SandboxEndpoint implements BeforeEachCallback, AfterEachCallback {
    private final int users;
    private SandboxServer server;

    SandboxEndpoint(int users) {
        this.users = users;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = SandboxServer.start(SandboxOptions.inMemory());
        server.store().seedUsers(users);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    SandboxServer server() {
        return server;
    }

    Cli cli(Path dir) {
        return new Cli(dir).env("POSCTL_ENDPOINT", server.baseUri().toString()).env("POSCTL_TOKEN", "t");
    }
}
