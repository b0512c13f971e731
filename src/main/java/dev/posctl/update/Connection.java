package dev.posctl.update;

import dev.posctl.auth.TokenResolver;
import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.core.Version;
import dev.posctl.http.DebugLog;
import dev.posctl.http.GraphClient;
import dev.posctl.http.GraphPaths;
import dev.posctl.http.HttpSettings;
import dev.posctl.http.PathStyle;
import dev.posctl.http.ProxySettings;
import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where requests go: the configured endpoint, or the embedded sandbox started for this one
 * command when none is configured. Closing it stops the sandbox.
 */
public final class Connection implements AutoCloseable {
    public static final String TOKEN_VARIABLE = "POSCTL_TOKEN";

    /**
     * @param endpoint    the base URL, or null for the embedded sandbox
     * @param credentials where the token may come from; null for POSCTL_TOKEN only
     */
    public record Settings(String endpoint, PathStyle style, HttpSettings http, boolean debug, TokenResolver.Sources credentials) {
        public Settings(String endpoint, PathStyle style, HttpSettings http, boolean debug) {
            this(endpoint, style, http, debug, null);
        }
    }

    private final SandboxServer sandbox;
    private final PositionService service;

    private Connection(SandboxServer sandbox, PositionService service) {
        this.sandbox = sandbox;
        this.service = service;
    }

    public static Connection open(Settings s, Environment env, PrintWriter err, boolean quiet) {
        String token = null;
        SandboxServer sandbox = null;
        URI base;
        if (s.endpoint() == null) {
            Path data = sandboxData(env);
            try {
                sandbox = SandboxServer.start(SandboxOptions.builder().dataFile(data).build());
            } catch (IOException | RuntimeException e) {
                throw new PosctlException(ExitCode.CONFIG, "cannot start the embedded sandbox with data " + data + ": " + e.getMessage(), e);
            }
            base = sandbox.baseUri();
            token = null;
            if (!quiet) {
                err.println("posctl: no endpoint configured: using the embedded sandbox (data " + data
                    + "); set --endpoint or POSCTL_ENDPOINT for Microsoft Graph");
                err.flush();
            }
        } else {
            try {
                base = URI.create(s.endpoint());
            } catch (IllegalArgumentException e) {
                throw new PosctlException(ExitCode.CONFIG, "endpoint \"" + s.endpoint() + "\" is not a URL: " + e.getMessage());
            }
            if (s.credentials() == null) {
                token = TokenResolver.fromVariable(env);
            } else {
                TokenResolver.Token t = TokenResolver.resolve(s.credentials(), env, err);
                token = t == null ? null : t.value();
            }
            if (token == null) {
                throw new PosctlException(ExitCode.AUTH, "no access token for " + base + ": run posctl login, or set " + TOKEN_VARIABLE
                    + " (for example: export " + TOKEN_VARIABLE + "=$(az account get-access-token --resource-type ms-graph"
                    + " --query accessToken -o tsv))");
            }
        }
        try {
            DebugLog debug = s.debug() ? new DebugLog(err, token) : null;
            boolean insecure = s.credentials() != null && s.credentials().insecureHttp();
            if (insecure && token != null && "http".equalsIgnoreCase(base.getScheme())) {
                err.println("posctl: warning: --insecure-http: the token goes over plain http to " + base.getHost()
                    + " where anyone on the path can read it");
                err.flush();
            }
            // the embedded sandbox is in this process: a proxy could only get in the way
            ProxySettings proxy = sandbox != null ? null : ProxySettings.fromEnvironment(env.vars());
            GraphClient client = new GraphClient(base, token, "posctl/" + Version.get(), s.http(), debug, env.clock(),
                proxy, insecure);
            return new Connection(sandbox, new PositionService(client, new GraphPaths(base, s.style())));
        } catch (RuntimeException e) {
            if (sandbox != null) {
                sandbox.close();
            }
            throw e;
        }
    }

    /** {@code POSCTL_SANDBOX_DATA}, else {@code $XDG_DATA_HOME/posctl/sandbox.json}. */
    public static Path sandboxData(Environment env) {
        String override = env.get("POSCTL_SANDBOX_DATA");
        if (override != null) {
            return env.cwd().resolve(override);
        }
        return env.xdg("XDG_DATA_HOME", ".local/share").resolve("posctl").resolve("sandbox.json");
    }

    public PositionService service() {
        return service;
    }

    @Override
    public void close() {
        service.client().close();
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
