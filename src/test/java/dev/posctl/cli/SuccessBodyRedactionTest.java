package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.http.HostileServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that echoes the token in a 2xx body does not get it printed: success bodies are untrusted too. */
class SuccessBodyRedactionTest {
    static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJ.echoed-token-value.sig";

    @TempDir
    Path dir;

    @Test
    void getListAndDryRunRedactAnEchoedToken() throws Exception {
        try (HostileServer graph = new HostileServer()) {
            graph.fallback(r -> {
                String echoed = r.header("Authorization").substring("Bearer ".length());
                String position = "{\"id\":\"p1\",\"isCurrent\":true,\"detail\":{\"jobTitle\":\"" + echoed + "\",\"company\":{\"displayName\":\"C\"}}}";
                return HostileServer.json(200, r.target().endsWith("/positions") ? "{\"value\":[" + position + "]}" : position);
            });
            Cli cli = new Cli(dir).env("POSCTL_TOKEN", TOKEN).env("POSCTL_ENDPOINT", graph.base());
            Cli.Result[] results = {
                cli.run("get", "--user", "u", "--id", "p1", "-o", "json"),
                cli.run("list", "--user", "u", "-o", "json"),
                cli.run("get", "--user", "u", "--id", "p1", "-o", "yaml", "--debug"),
                cli.run("update", "--user", "u", "--id", "p1", "--role", "R", "--dry-run", "-o", "json"),
            };
            for (Cli.Result r : results) {
                assertEquals(0, r.code(), r::toString);
                assertFalse((r.out() + r.err()).contains(TOKEN), () -> "token printed:\n" + r);
                assertTrue(r.out().contains("[REDACTED]"), r::toString);
            }
        }
    }
}
