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

    @Test
    void anEndlessAnswerIsCutAtTheLimit() throws Exception {
        com.sun.net.httpserver.HttpServer idp = com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        idp.createContext("/", ex -> {
            ex.sendResponseHeaders(200, 0);  // chunked, and never ends by itself
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) ' ');
            try (java.io.OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 10_000; i++) {
                    out.write(block);
                }
            } catch (java.io.IOException e) {
                // the client hung up, as it should
            }
        });
        idp.start();
        long started = System.nanoTime();
        try (IdentityClient client = new IdentityClient("http://127.0.0.1:" + idp.getAddress().getPort(), "t", null, false)) {
            dev.posctl.core.PosctlException e = assertThrows(dev.posctl.core.PosctlException.class,
                () -> client.token(Map.of("grant_type", "client_credentials")));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("the answer is larger than 1 MiB"), e.getMessage());
            org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - started < 10_000_000_000L, "cut off, not read to the end");
        } finally {
            idp.stop(0);
        }
    }
}
