package dev.posctl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.output.TerminalText;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/**
 * Delegated sign-in for a person at another device: shows the message with the code and URL,
 * then polls the token endpoint as the protocol asks (interval, slow_down +5 s, until expiry).
 */
public final class DeviceCodeFlow {
    static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    /** Bounds for the server's numbers: a huge interval or expires_in must not mean waiting for days. */
    static final long MIN_INTERVAL = 1;
    static final long MAX_INTERVAL = 60;
    static final long MAX_EXPIRES_IN = 3600;

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
        long interval = ServerNumbers.seconds(code.get("interval"), 5, MIN_INTERVAL, MAX_INTERVAL);
        long expiresIn = code.hasNonNull("expires_in") ? ServerNumbers.seconds(code.get("expires_in"), 0, 0, MAX_EXPIRES_IN) : 900;
        if (expiresIn <= 0) {
            throw new PosctlException(ExitCode.AUTH, "the device code endpoint answered an expires_in that is not a positive number of seconds");
        }
        // the text comes from the network: a raw ESC or bidi override in it would reach the terminal
        String message = TerminalText.escape(code.path("message").asText(null));
        err.println(message != null ? message : "To sign in, open " + TerminalText.escape(code.path("verification_uri").asText())
            + " and enter the code " + TerminalText.escape(code.path("user_code").asText()));
        err.flush();
        long waited = 0;
        int polls = 0;
        while (true) {
            // the last poll comes at expires_in even when the interval would overshoot it
            long wait = Math.min(interval, expiresIn - waited);
            try {
                sleeper.sleep(Duration.ofSeconds(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PosctlException(ExitCode.INTERRUPTED, "interrupted while waiting for the sign-in");
            }
            waited += wait;
            try {
                return client.token(Map.of("grant_type", GRANT, "client_id", clientId, "device_code", deviceCode));
            } catch (IdentityClient.OAuthError e) {
                switch (e.error()) {
                    case "authorization_pending":
                        break;
                    case "slow_down":
                        interval = Math.min(MAX_INTERVAL, interval + 5);
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
            if (waited >= expiresIn || ++polls > 10_000) {
                throw new PosctlException(ExitCode.AUTH, "the device code expired before the sign-in finished: run posctl login again");
            }
        }
    }
}
