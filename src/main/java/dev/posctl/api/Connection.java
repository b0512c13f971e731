package dev.posctl.api;

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
import java.io.PrintWriter;
import java.net.URI;

/**
 * Where requests go: the configured endpoint, or the embedded sandbox when none is configured
 * (or it is {@code sandbox}). Closing it releases the sandbox.
 */
public final class Connection implements AutoCloseable {
    /**
     * @param endpoint    the base URL, or null for the embedded sandbox
     * @param credentials where the token may come from; null for POSCTL_TOKEN only
     */
    public record Settings(String endpoint, PathStyle style, HttpSettings http, boolean debug, TokenResolver.Sources credentials) {
        public Settings(String endpoint, PathStyle style, HttpSettings http, boolean debug) {
            this(endpoint, style, http, debug, null);
        }
    }

    private final LocalEndpoints.Lease sandbox;
    private final PositionService service;

    private Connection(LocalEndpoints.Lease sandbox, PositionService service) {
        this.sandbox = sandbox;
        this.service = service;
    }

    /** The word that names the embedded sandbox where a URL could stand ({@code --endpoint sandbox}). */
    public static final String SANDBOX = "sandbox";

    public static boolean isSandbox(String endpoint) {
        return endpoint == null || SANDBOX.equals(endpoint);
    }

    /**
     * @param local where the embedded sandbox comes from when the endpoint is none or {@code sandbox}
     */
    public static Connection open(Settings s, Environment env, LocalEndpoints local, PrintWriter err, boolean quiet) {
        String token = null;
        LocalEndpoints.Lease sandbox = null;
        URI base;
        if (isSandbox(s.endpoint())) {
            sandbox = local.open(env);
            base = sandbox.base();
            if (!quiet && !sandbox.announced()) {
                err.println(s.endpoint() == null
                    ? "posctl: no endpoint configured: using the embedded sandbox (data " + sandbox.data()
                        + "); set --endpoint or POSCTL_ENDPOINT for Microsoft Graph"
                    : "posctl: using the embedded sandbox (data " + sandbox.data() + ")");
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
                throw new PosctlException(ExitCode.AUTH, "no access token for " + base + ": run posctl login, or set "
                    + TokenResolver.TOKEN_VARIABLE + " (for example: export " + TokenResolver.TOKEN_VARIABLE
                    + "=$(az account get-access-token --resource-type ms-graph --query accessToken -o tsv))");
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
            // the embedded sandbox is on loopback: a proxy could only get in the way
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
