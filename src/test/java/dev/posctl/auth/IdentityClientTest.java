package dev.posctl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The identity platform's error answer is untrusted: it may quote what was sent, or carry terminal controls. */
class IdentityClientTest {
    static final String SECRET = "cl~sec ret+value";

    @Test
    void aSecretQuotedInErrorOrDescriptionIsRedactedAndControlsAreEscaped() throws Exception {
        try (RecordingServer idp = new RecordingServer();
             IdentityClient client = new IdentityClient(idp.base().replace("/beta", ""), "t", null, false)) {
            idp.then(Answer.json(401, "{\"error\":\"invalid_client " + SECRET + "\",\"error_description\":\"AADSTS7000215: secret "
                + SECRET + " (sent as cl%7Esec+ret%2Bvalue) is wrong \\u001b[2J\\r\\nTrace ID: x\"}"));
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "client_credentials");
            form.put("client_secret", SECRET);
            IdentityClient.OAuthError e = assertThrows(IdentityClient.OAuthError.class, () -> client.token(form));
            assertEquals("invalid_client [REDACTED]: AADSTS7000215: secret [REDACTED] (sent as [REDACTED]) is wrong \\u001b[2J",
                e.getMessage());
            assertFalse(e.getMessage().contains("ret+value") || e.getMessage().contains("ret%2Bvalue"), e.getMessage());
        }
    }
}
