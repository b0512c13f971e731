package dev.posctl.cli;

import dev.posctl.http.RecordingServer;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A recording server on 127.0.0.1 for each test, and the command tree pointed at it with a token. */
final class RecordedEndpoint implements BeforeEachCallback, AfterEachCallback {
    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJ.secret-token-value.sig";
    private RecordingServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = new RecordingServer();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    RecordingServer server() {
        return server;
    }

    Cli cli(Path dir) {
        return new Cli(dir).env("POSCTL_TOKEN", TOKEN).env("POSCTL_ENDPOINT", server.base());
    }
}
