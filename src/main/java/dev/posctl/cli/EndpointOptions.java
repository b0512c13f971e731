package dev.posctl.cli;

import dev.posctl.http.HttpSettings;
import dev.posctl.http.PathStyle;
import dev.posctl.update.Connection;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where requests go and how patient to be; shared by every command that talks to an endpoint. */
public final class EndpointOptions {
    @Option(names = "--endpoint", paramLabel = "URL",
        description = "Graph base URL, such as https://graph.microsoft.com/beta (env POSCTL_ENDPOINT). Default: the embedded sandbox.")
    String endpoint;

    @Option(names = "--path-style", paramLabel = "STYLE",
        description = "graph: PATCH /users/{user}/profile/positions/{id}; seed: PATCH /user/{user}/profile/positions with the id in the body (env POSCTL_PATH_STYLE). Default: graph.")
    PathStyle pathStyle;

    @Option(names = "--debug", description = "Print every request and response on stderr (tokens redacted).")
    boolean debug;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Connect timeout (default: ${DEFAULT-VALUE}).")
    double connectTimeout;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Timeout of one request (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "5",
        description = "Retries of throttled (429), unavailable (503, 504) or failed connections (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--retry-budget", paramLabel = "SECONDS", defaultValue = "120",
        description = "Most time one request may take, retries and waits included (default: ${DEFAULT-VALUE}).")
    double retryBudget;

    public Connection.Settings settings() {
        if (maxRetries < 0 || connectTimeout <= 0 || timeout <= 0 || retryBudget <= 0) {
            throw new dev.posctl.core.PosctlException(dev.posctl.core.ExitCode.USAGE,
                "--max-retries must be 0 or more, and timeouts and --retry-budget more than 0");
        }
        HttpSettings http = new HttpSettings(seconds(connectTimeout), seconds(timeout), maxRetries, seconds(retryBudget),
            Duration.ofMillis(500));
        return new Connection.Settings(endpoint, pathStyle != null ? pathStyle : PathStyle.graph, http, debug);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }
}
