package dev.posctl.cli;

import dev.posctl.auth.DeviceCodeFlow;
import dev.posctl.auth.SignIn;
import dev.posctl.auth.TokenCache;
import dev.posctl.auth.Whoami;
import dev.posctl.config.ConfigKey;
import dev.posctl.config.Profile;
import dev.posctl.run.Interrupts;
import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.ProxySettings;
import dev.posctl.output.TerminalText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "login", sortOptions = false,
    description = {"Sign in to Microsoft Entra ID and keep the tokens for the selected profile.",
        "device-code (delegated, the flow Graph supports for positions) shows a code to enter in a browser;",
        "client-secret and client-certificate get app-only tokens, which current docs do not support for positions.",
        "Values not given as flags come from the environment (POSCTL_TENANT, ...) or the profile."})
public final class LoginCommand implements Callable<Integer> {
    @Option(names = "--method", paramLabel = "METHOD", description = "device-code, client-secret or client-certificate (default: device-code).")
    String method;

    @Option(names = "--tenant", paramLabel = "TENANT", description = "Tenant id or domain (default: organizations).")
    String tenant;

    @Option(names = "--client-id", paramLabel = "ID", description = "Application (client) id of the app registration.")
    String clientId;

    @Option(names = "--scope", paramLabel = "SCOPES", description = "Scopes to ask for (default: https://graph.microsoft.com/.default offline_access).")
    String scope;

    @Option(names = "--authority", paramLabel = "URL", description = "Identity platform host (env POSCTL_AUTHORITY; default https://login.microsoftonline.com).")
    String authority;

    @Option(names = "--client-secret-file", paramLabel = "FILE", description = "File holding the client secret (POSCTL_CLIENT_SECRET wins).")
    String secretFile;

    @Option(names = "--certificate", paramLabel = "FILE",
        description = "PEM (key and certificate) or PKCS#12 file for client-certificate (password: POSCTL_CERTIFICATE_PASSWORD).")
    String certificate;

    @Option(names = "--insecure-http", description = "Allow an http:// authority that is not localhost (warns).")
    boolean insecureHttp;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Environment env = common.env();
        Profile profile = common.profile();
        String m = orBuiltIn(method, ConfigKey.METHOD);
        String problem = ConfigKey.METHOD.problem(m);
        if (problem != null) {
            throw new picocli.CommandLine.ParameterException(common.mixee.commandLine(), "--method " + m + " " + problem);
        }
        SignIn.Request request = new SignIn.Request(m, orBuiltIn(authority, ConfigKey.AUTHORITY), orBuiltIn(tenant, ConfigKey.TENANT),
            clientId, orBuiltIn(scope, ConfigKey.SCOPE),
            profile.value(ConfigKey.CLIENT_SECRET_FILE, secretFile, env), profile.value(ConfigKey.CERTIFICATE, certificate, env),
            insecureHttp);
        if (insecureHttp) {
            common.err().println("posctl: warning: --insecure-http: credentials may go over plain http");
        }
        TokenCache.Entry entry;
        // Ctrl-C or SIGTERM while waiting for the person at the other device ends with 130 like
        // every other command: the wait (or the request in flight) is interrupted, nothing is saved
        Thread main = Thread.currentThread();
        try (Interrupts interrupts = env.isRealProcess() ? Interrupts.install(main::interrupt, () -> { }, () -> {
            common.err().println("\nposctl: aborted: not signed in");
            common.err().flush();
        }) : null) {
            entry = new SignIn(env, ProxySettings.fromEnvironment(env.vars()), DeviceCodeFlow.REAL).login(request, common.err());
            if (Thread.interrupted() || (interrupts != null && interrupts.interrupted())) {
                throw new PosctlException(ExitCode.INTERRUPTED, "interrupted: not signed in");
            }
        }
        TokenCache.save(env, profile.cacheName(), entry);
        Whoami.Report who = Whoami.describe(entry.accessToken(), "signed in", env.clock().instant());
        // names from the token are the server's text: shown escaped, like every network string
        String name = TerminalText.escape(who.data().path("user").asText(who.data().path("app").asText("?")));
        common.note("posctl: signed in as " + name + " to tenant " + TerminalText.escape(who.data().path("tenant").asText(request.tenant()))
            + " (profile " + profile.cacheName() + "; expires " + entry.expiresAt() + ")");
        who.warnings().forEach(w -> common.err().println("posctl: warning: " + w));
        common.err().flush();
        return 0;
    }

    private static String orBuiltIn(String value, ConfigKey key) {
        return value != null ? value : key.builtIn();
    }
}
