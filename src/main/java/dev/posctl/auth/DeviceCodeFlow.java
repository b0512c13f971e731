package dev.posctl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/**
 * Delegated sign-in for a person at another device: shows the message with the code and URL,
 * then polls the token endpoint as the protocol asks (interval, slow_down +5 s, until expiry).
 */
public final class DeviceCodeFlow {
    static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    /** Waits between polls; tests pass one that does not really sleep. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public static final Sleeper REAL = d -> Thread.sleep(d.toMillis());

    private final IdentityClient client;
    private final Sleeper sleeper;

    public DeviceCodeFlow(IdentityClient client, Sleeper sleeper) {
        this.client = client;
        this.sleeper = sleeper;
    }

    /** The token endpoint's success reply. The message goes to {@code err}: stdout stays for data. */
    public JsonNode run(String clientId, String scope, PrintWriter err) {
        JsonNode code;
        try {
            code = client.deviceCode(Map.of("client_id", clientId, "scope", scope));
        } catch (IdentityClient.OAuthError e) {
            throw new PosctlException(ExitCode.AUTH, "device code sign-in could not start: " + e.getMessage());
        }
        String deviceCode = code.path("device_code").asText(null);
        if (deviceCode == null) {
            throw new PosctlException(ExitCode.AUTH, "the device code endpoint answered without a device_code");
        }
        String message = code.path("message").asText(null);
        err.println(message != null ? message : "To sign in, open " + code.path("verification_uri").asText()
            + " and enter the code " + code.path("user_code").asText());
        err.flush();
        long interval = Math.max(0, code.path("interval").asLong(5));
        long expiresIn = code.path("expires_in").asLong(900);
        long waited = 0;
        int polls = 0;
        while (true) {
            try {
                sleeper.sleep(Duration.ofSeconds(interval));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PosctlException(ExitCode.INTERRUPTED, "interrupted while waiting for the sign-in");
            }
            waited += interval;
            try {
                return client.token(Map.of("grant_type", GRANT, "client_id", clientId, "device_code", deviceCode));
            } catch (IdentityClient.OAuthError e) {
                switch (e.error()) {
                    case "authorization_pending":
                        break;
                    case "slow_down":
                        interval += 5;
                        break;
                    case "expired_token":
                        throw new PosctlException(ExitCode.AUTH, "the device code expired before the sign-in finished: run posctl login again");
                    case "authorization_declined":
                        throw new PosctlException(ExitCode.AUTH, "the sign-in was declined");
                    case "bad_verification_code":
                        throw new PosctlException(ExitCode.AUTH, "the identity platform did not recognise the device code: run posctl login again");
                    default:
                        throw new PosctlException(ExitCode.AUTH, "device code sign-in failed: " + e.getMessage());
                }
            }
            // a server that never says expired_token must not keep us polling forever
            if (waited + interval > expiresIn || ++polls > 10_000) {
                throw new PosctlException(ExitCode.AUTH, "the device code expired before the sign-in finished: run posctl login again");
            }
        }
    }
}
