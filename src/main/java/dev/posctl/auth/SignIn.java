package dev.posctl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.ProxySettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Gets tokens from the identity platform: device code, client credentials (secret or certificate), refresh. */
public final class SignIn {
    public static final String SECRET_VARIABLE = "POSCTL_CLIENT_SECRET";
    public static final String CERTIFICATE_PASSWORD_VARIABLE = "POSCTL_CERTIFICATE_PASSWORD";
    private static final long MAX_LIFETIME_SECONDS = 2 * 24 * 3600;

    /**
     * @param secretFile  a file holding the client secret (POSCTL_CLIENT_SECRET wins)
     * @param certificate a PEM or PKCS#12 file with the key and certificate
     */
    public record Request(String method, String authority, String tenant, String clientId, String scope, String secretFile,
                          String certificate, boolean insecureHttp) {}

    private final Environment env;
    private final ProxySettings proxy;
    private final DeviceCodeFlow.Sleeper sleeper;

    public SignIn(Environment env, ProxySettings proxy, DeviceCodeFlow.Sleeper sleeper) {
        this.env = env;
        this.proxy = proxy;
        this.sleeper = sleeper;
    }

    public TokenCache.Entry login(Request r, PrintWriter err) {
        if (r.clientId() == null) {
            throw new PosctlException(ExitCode.AUTH, "no client id: pass --client-id, set POSCTL_CLIENT_ID, or posctl config set clientId ID");
        }
        JsonNode reply;
        try (IdentityClient client = new IdentityClient(r.authority(), r.tenant(), proxy, r.insecureHttp())) {
            switch (r.method()) {
                case "device-code":
                    reply = new DeviceCodeFlow(client, sleeper).run(r.clientId(), r.scope(), err);
                    break;
                case "client-secret":
                    reply = client.token(clientCredentials(r, "client_secret", secret(r)));
                    break;
                case "client-certificate":
                    if (r.certificate() == null) {
                        throw new PosctlException(ExitCode.AUTH, "no certificate: pass --certificate FILE (PEM or PKCS#12) or set it in the profile");
                    }
                    ClientCertificate cert = ClientCertificate.load(env.cwd().resolve(r.certificate()), env.get(CERTIFICATE_PASSWORD_VARIABLE));
                    Map<String, String> form = clientCredentials(r, "client_assertion",
                        cert.assertion(r.clientId(), client.tokenEndpoint().toString(), env.clock().instant()));
                    form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
                    reply = client.token(form);
                    break;
                default:
                    throw new PosctlException(ExitCode.USAGE, "unknown sign-in method " + r.method()
                        + "; use device-code, client-secret or client-certificate");
            }
        } catch (IdentityClient.OAuthError e) {
            throw new PosctlException(ExitCode.AUTH, "sign-in failed: " + e.getMessage());
        }
        return entry(reply, null, r);
    }

    /** A new access token from the refresh token; the old refresh token stays when no new one comes. */
    public TokenCache.Entry refresh(TokenCache.Entry old, boolean insecureHttp) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", old.clientId());
        form.put("refresh_token", old.refreshToken());
        form.put("scope", old.scope());
        try (IdentityClient client = new IdentityClient(old.authority(), old.tenant(), proxy, insecureHttp)) {
            JsonNode reply = client.token(form);
            return entry(reply, old.refreshToken(), new Request(old.method(), old.authority(), old.tenant(), old.clientId(),
                old.scope(), null, null, insecureHttp));
        } catch (IdentityClient.OAuthError e) {
            throw new PosctlException(ExitCode.AUTH, "the sign-in could not be refreshed (" + e.getMessage() + "): run posctl login");
        }
    }

    private TokenCache.Entry entry(JsonNode reply, String oldRefresh, Request r) {
        String access = reply.path("access_token").asText(null);
        if (access == null) {
            throw new PosctlException(ExitCode.AUTH, "the token endpoint answered without an access_token");
        }
        access = BearerToken.clean(access, "the token endpoint's answer");
        // untrusted: 1e400 must not overflow, and a lifetime of years must not stop refreshes
        long expiresIn = ServerNumbers.seconds(reply.get("expires_in"), 3600, 0, MAX_LIFETIME_SECONDS);
        String file = "client-secret".equals(r.method()) ? r.secretFile() : "client-certificate".equals(r.method()) ? r.certificate() : null;
        return new TokenCache.Entry(access, reply.path("refresh_token").asText(oldRefresh),
            env.clock().instant().plusSeconds(expiresIn), r.method(), r.authority(), r.tenant(), r.clientId(), r.scope(),
            file != null ? env.cwd().resolve(file).toString() : null);
    }

    /** App-only tokens take the resource's .default scope and no offline_access. */
    private static Map<String, String> clientCredentials(Request r, String credentialName, String credential) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", r.clientId());
        form.put("scope", Arrays.stream(r.scope().split("\\s+")).filter(s -> !s.equals("offline_access"))
            .collect(Collectors.joining(" ")));
        form.put(credentialName, credential);
        return form;
    }

    private String secret(Request r) {
        String fromEnv = env.get(SECRET_VARIABLE);
        if (fromEnv != null) {
            return fromEnv;
        }
        if (r.secretFile() == null) {
            throw new PosctlException(ExitCode.AUTH, "no client secret: set " + SECRET_VARIABLE
                + " or pass --client-secret-file FILE (a secret is never accepted as a plain flag value)");
        }
        Path file = env.cwd().resolve(r.secretFile());
        try {
            String s = Files.readString(file).trim();
            if (s.isEmpty()) {
                throw new PosctlException(ExitCode.AUTH, "the client secret file " + file + " is empty");
            }
            return s;
        } catch (IOException e) {
            throw new PosctlException(ExitCode.AUTH, "cannot read the client secret file " + file + ": " + dev.posctl.core.IoReasons.of(e));
        }
    }
}
