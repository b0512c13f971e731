package dev.posctl.shell;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.core.Environment;
import dev.posctl.http.HttpSettings;
import dev.posctl.http.PathStyle;
import dev.posctl.update.Connection;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Fetches a user's position ids for completion: short timeouts, no retries, failures are just no ids. */
public final class Fetcher {
    private Fetcher() {}

    public static Function<String, List<String>> positions(Environment env) {
        return user -> {
            String endpoint = env.get("POSCTL_ENDPOINT");
            if (endpoint == null) {
                return List.of();
            }
            HttpSettings http = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(3), 0, Duration.ofSeconds(3),
                Duration.ofMillis(100));
            PathStyle style = "seed".equals(env.get("POSCTL_PATH_STYLE")) ? PathStyle.seed : PathStyle.graph;
            List<String> ids = new ArrayList<>();
            try (Connection c = Connection.open(new Connection.Settings(endpoint, style, http, false), env,
                new PrintWriter(Writer.nullWriter()), true)) {
                for (JsonNode p : c.service().list(user)) {
                    if (p.path("id").isTextual()) {
                        ids.add(p.get("id").asText());
                    }
                }
            } catch (RuntimeException e) {
                return List.of();
            }
            return ids;
        };
    }
}
