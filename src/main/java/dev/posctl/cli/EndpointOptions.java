package dev.posctl.cli;

import dev.posctl.api.Connection;
import dev.posctl.auth.TokenResolver;
import dev.posctl.config.ConfigKey;
import dev.posctl.config.Profile;
import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.HttpSettings;
import dev.posctl.http.PathStyle;
import dev.posctl.http.Seconds;
import dev.posctl.http.Sizes;
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

    // timeouts are read as text: a number that is not a plain count of seconds (NaN, 1e16, 0x1p3) is refused
    // here, naming where it came from (flag, variable or profile)
    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = ConfigKey.Defaults.CONNECT_TIMEOUT, description = "Connect timeout (default: ${DEFAULT-VALUE}).")
    String connectTimeout;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = ConfigKey.Defaults.TIMEOUT,
        description = "Most time one request may take, the whole answer included (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--max-response-size", paramLabel = "SIZE", defaultValue = "64M",
        description = "Largest answer read, such as 64M, 512K or 1G; a larger one fails the request (exit 4) (env POSCTL_MAX_RESPONSE_SIZE; default: ${DEFAULT-VALUE}).")
    String maxResponseSize;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = ConfigKey.Defaults.MAX_RETRIES,
        description = "Retries of throttled (429), unavailable (503, 504) or failed connections (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--retry-budget", paramLabel = "SECONDS", defaultValue = ConfigKey.Defaults.RETRY_BUDGET,
        description = "Most time one request may take, retries and waits included (default: ${DEFAULT-VALUE}).")
    String retryBudget;

    public Connection.Settings settings() {
        if (maxRetries < 0) {
            throw new PosctlException(ExitCode.USAGE, "--max-retries must be 0 or more");
        }
        HttpSettings http = new HttpSettings(seconds("--connect-timeout", connectTimeout), seconds("--timeout", timeout), maxRetries,
            seconds("--retry-budget", retryBudget), Duration.ofMillis(500), size("--max-response-size", maxResponseSize));
        return new Connection.Settings(endpoint, pathStyle != null ? pathStyle : PathStyle.graph, http, debug, credentials());
    }

    /** Where this command's token may come from: the token flags and the selected profile. */
    public TokenResolver.Sources credentials() {
        Environment env = ((PosctlCommand) mixee.root().userObject()).env();
        OptionSpec profileOption = mixee.findOption("--profile");
        Profile profile = Profile.select(env, profileOption != null ? profileOption.getValue() : null);
        return new TokenResolver.Sources(token, tokenFile, profile, insecureHttp, authority);
    }

    private Duration seconds(String option, String value) {
        try {
            return Seconds.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(option, e.getMessage());
        }
    }

    private long size(String option, String value) {
        try {
            return Sizes.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(option, e.getMessage());
        }
    }

    /** A bad flag is a usage error; a bad default from a variable or the profile is a configuration error, named as such. */
    private PosctlException invalid(String option, String problem) {
        OptionSpec spec = mixee.findOption(option);
        if (spec != null && !spec.originalStringValues().isEmpty()) {
            return new PosctlException(ExitCode.USAGE, option + ": " + problem);
        }
        Environment env = ((PosctlCommand) mixee.root().userObject()).env();
        String variable = EnvironmentDefaults.variable(option);
        if (env.get(variable) != null) {
            return new PosctlException(ExitCode.CONFIG, variable + " (the default of " + option + "): " + problem);
        }
        return new PosctlException(ExitCode.CONFIG, "the profile's " + ConfigKey.byOption(option).map(ConfigKey::key).orElse(option)
            + " (the default of " + option + "): " + problem + "; change it with posctl config set");
    }

    /** Opens the connection these options describe, with the command's writers for notes. */
    public Connection open(CommonOptions common) {
        return Connection.open(settings(), common.env(), common.local(), common.err(), common.quiet);
    }
}
