package dev.posctl.cli;

import dev.posctl.auth.TokenResolver;
import dev.posctl.config.Profile;
import dev.posctl.core.Environment;
import dev.posctl.http.HttpSettings;
import dev.posctl.http.PathStyle;
import dev.posctl.update.Connection;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where requests go and how patient to be; shared by every command that talks to an endpoint. */
public final class EndpointOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--endpoint", paramLabel = "URL",
        description = "Graph base URL, such as https://graph.microsoft.com/beta, or sandbox (env POSCTL_ENDPOINT; profile endpoint). Default: the embedded sandbox.")
    String endpoint;

    @Option(names = "--token-file", paramLabel = "FILE",
        description = "Read the access token from FILE (env POSCTL_TOKEN_FILE; profile tokenFile). Wins over the signed-in token.")
    String tokenFile;

    @Option(names = "--token", paramLabel = "TOKEN",
        description = "The access token itself (warns: it lands in shell history; prefer --token-file or POSCTL_TOKEN).")
    String token;

    @Option(names = "--insecure-http", description = "Send the token over plain http:// to a host that is not localhost (warns).")
    boolean insecureHttp;

    @Option(names = "--authority", paramLabel = "URL",
        description = "Identity platform host for refreshing a sign-in (env POSCTL_AUTHORITY; default https://login.microsoftonline.com).")
    String authority;

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
        return new Connection.Settings(endpoint, pathStyle != null ? pathStyle : PathStyle.graph, http, debug, credentials());
    }

    /** Where this command's token may come from: the token flags and the selected profile. */
    public TokenResolver.Sources credentials() {
        Environment env = ((PosctlCommand) mixee.root().userObject()).env();
        OptionSpec profileOption = mixee.findOption("--profile");
        Profile profile = Profile.select(env, profileOption != null ? profileOption.getValue() : null);
        return new TokenResolver.Sources(token, tokenFile, profile, insecureHttp, authority);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis((long) (s * 1000));
    }

    /** Opens the connection these options describe, with the command's writers for notes. */
    public Connection open(CommonOptions common) {
        return Connection.open(settings(), common.env(), common.local(), common.err(), common.quiet);
    }
}
