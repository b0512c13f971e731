package dev.posctl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.cli.Cli;
import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client-assertion JWT, checked the way Entra ID would: structure, thumbprint and RS256 signature. */
class ClientCertificateTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path fixture(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    X509Certificate cert() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("cert.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void pemPkcs1AndPkcs12KeysSignAVerifiableAssertionWithTheThumbprint() throws Exception {
        X509Certificate cert = cert();
        String x5t = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
        for (String file : new String[] {"client.pem", "client-pkcs1.pem", "client.p12"}) {
            fixture(file);
            try (RecordingServer idp = new RecordingServer()) {
                idp.then(Answer.json(200, "{\"access_token\":\"" + TestTokens.app(Cli.NOW.getEpochSecond() + 3600) + "\",\"expires_in\":3600}"));
                String authority = idp.base().replace("/beta", "");
                Cli.Result r = new Cli(dir).env("POSCTL_CERTIFICATE_PASSWORD", "test-only").run("login", "--method", "client-certificate",
                    "--tenant", "contoso", "--client-id", "cid", "--certificate", file, "--authority", authority);
                assertEquals(0, r.code(), file + ": " + r);
                Map<String, String> form = form(idp.requests().get(0).body());
                assertEquals("client_credentials", form.get("grant_type"));
                assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form.get("client_assertion_type"));
                String[] parts = form.get("client_assertion").split("\\.");
                assertEquals(3, parts.length);
                JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
                JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
                assertEquals("RS256", header.get("alg").asText());
                assertEquals(x5t, header.get("x5t").asText(), file);
                assertEquals(authority + "/contoso/oauth2/v2.0/token", claims.get("aud").asText());
                assertEquals("cid", claims.get("iss").asText());
                assertEquals("cid", claims.get("sub").asText());
                assertEquals(Cli.NOW.getEpochSecond() + 600, claims.get("exp").asLong());
                assertTrue(claims.hasNonNull("jti"));
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initVerify(cert.getPublicKey());
                s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                assertTrue(s.verify(Base64.getUrlDecoder().decode(parts[2])), file + ": signature verifies with the certificate");
                assertTrue(r.err().contains("app-only"), r.err());
            }
        }
    }

    @Test
    void aWrongPkcs12PasswordOrAFileWithoutKeyIsAConfigError() throws Exception {
        fixture("client.p12");
        fixture("cert.pem");
        Cli.Result r = new Cli(dir).env("POSCTL_CERTIFICATE_PASSWORD", "wrong").run("login", "--method", "client-certificate",
            "--client-id", "cid", "--certificate", "client.p12", "--authority", "http://127.0.0.1:1");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("client.p12: the password in POSCTL_CERTIFICATE_PASSWORD is wrong"), r.err());
        assertFalse(r.err().contains("java."), r.err());

        java.nio.file.Files.writeString(dir.resolve("shadow"), "root:$6$saltsalt$hashedpassword:19000:0:99999:7:::\n");
        r = new Cli(dir).run("login", "--method", "client-certificate", "--client-id", "cid", "--certificate", "shadow",
            "--authority", "http://127.0.0.1:1");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("shadow: it is neither PEM"), r.err());
        assertFalse(r.err().contains("root:") || r.err().contains("java.") || r.err().contains("tag"), r.err());

        r = new Cli(dir).run("login", "--method", "client-certificate", "--client-id", "cid", "--certificate", "cert.pem",
            "--authority", "http://127.0.0.1:1");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("PRIVATE KEY"), r.err());
    }

    static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
