package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.auth.TestTokens;
import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import dev.posctl.http.RecordingServer.Recorded;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in against a local token endpoint that plays the identity platform's replies. */
class LoginTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long LATER = Cli.NOW.getEpochSecond() + 3600;
    static final String ACCESS = TestTokens.user("User.Read User.ReadWrite.All", LATER);
    static final String REFRESH = "0.refresh-token-that-must-never-print";
    static final String DEVICE = "{\"device_code\":\"dc-1\",\"user_code\":\"ABCD-EFGH\",\"verification_uri\":\"https://microsoft.com/devicelogin\","
        + "\"expires_in\":900,\"interval\":0,\"message\":\"To sign in, use a web browser to open the page https://microsoft.com/devicelogin"
        + " and enter the code ABCD-EFGH to authenticate.\"}";

    @TempDir
    Path dir;
    RecordingServer idp;

    @BeforeEach
    void start() throws Exception {
        idp = new RecordingServer();
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    String authority() {
        return idp.base().replace("/beta", "");
    }

    Cli cli() {
        return new Cli(dir).env("POSCTL_AUTHORITY", authority());
    }

    static Answer error(String code) {
        return Answer.json(400, "{\"error\":\"" + code + "\",\"error_description\":\"AADSTS70016: " + code + "\\r\\nTrace ID: x\"}");
    }

    static String success(String access, String refresh) {
        return "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + access + "\""
            + (refresh != null ? ",\"refresh_token\":\"" + refresh + "\"" : "") + "}";
    }

    static Map<String, String> form(Recorded r) {
        Map<String, String> m = new HashMap<>();
        for (String pair : r.body().split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    Path cache(String profile) {
        return dir.resolve("state/posctl/tokens/" + profile + ".json");
    }

    @Test
    void deviceCodeShowsTheMessagePollsAndCachesPrivatelyThenGraphCallsUseTheToken() throws Exception {
        // the interval of 0 becomes 1 s: one pending answer keeps the test short
        idp.then(Answer.json(200, DEVICE)).then(error("authorization_pending")).then(Answer.json(200, success(ACCESS, REFRESH)));
        Cli.Result r = cli().run("login", "--tenant", "contoso", "--client-id", "cid");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("enter the code ABCD-EFGH"), r.err());
        assertTrue(r.err().contains("signed in as adele@contoso.com"), r.err());
        assertEquals("/contoso/oauth2/v2.0/devicecode", idp.requests().get(0).rawPath());
        assertTrue(form(idp.requests().get(0)).get("scope").contains("offline_access"));
        Map<String, String> poll = form(idp.requests().get(2));
        assertEquals("/contoso/oauth2/v2.0/token", idp.requests().get(2).rawPath());
        assertEquals("urn:ietf:params:oauth:grant-type:device_code", poll.get("grant_type"));
        assertEquals("dc-1", poll.get("device_code"));
        assertEquals("cid", poll.get("client_id"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache("default"))));
        assertFalse((r.out() + r.err()).contains(ACCESS) || (r.out() + r.err()).contains(REFRESH));

        Cli.Result who = cli().run("whoami", "-o", "json");
        assertEquals(0, who.code(), who::toString);
        JsonNode w = JSON.readTree(who.out());
        assertEquals("adele@contoso.com", w.get("user").asText());
        assertEquals("t-1", w.get("tenant").asText());
        assertEquals("User.ReadWrite.All", w.get("scopes").get(1).asText());
        assertFalse(who.err().contains("warning"), who.err());

        try (RecordingServer graph = new RecordingServer()) {
            graph.fallback(x -> Answer.json(200, "{\"id\":\"p1\"}"));
            Cli.Result g = cli().run("get", "--endpoint", graph.base(), "--user", "a@b.c", "--id", "p1", "-o", "json");
            assertEquals(0, g.code(), g::toString);
            assertEquals("Bearer " + ACCESS, graph.requests().get(0).header("Authorization"));
            g = cli().env("POSCTL_TOKEN", "from.env.token").run("get", "--endpoint", graph.base(), "--user", "a@b.c", "--id", "p1");
            assertEquals("Bearer from.env.token", graph.requests().get(1).header("Authorization"), "POSCTL_TOKEN wins over the cache");
        }

        Cli.Result out = cli().run("logout");
        assertEquals(0, out.code(), out::toString);
        assertFalse(Files.exists(cache("default")));
        assertEquals(5, cli().run("whoami").code());
    }

    @Test
    void deviceCodeStopsOnDeclinedExpiredAndBadCode() {
        for (String code : new String[] {"authorization_declined", "expired_token", "bad_verification_code"}) {
            idp.then(Answer.json(200, DEVICE)).then(error(code));
            Cli.Result r = cli().run("login", "--client-id", "cid");
            assertEquals(5, r.code(), r::toString);
            assertTrue(r.err().contains(code.equals("authorization_declined") ? "declined"
                : code.equals("expired_token") ? "expired" : "did not recognise"), r.err());
            assertFalse(Files.exists(cache("default")));
        }
    }

    @Test
    void anExpiringSignInIsRefreshedWithTheRefreshToken() throws Exception {
        Files.createDirectories(cache("work").getParent());
        Files.writeString(cache("work"), "{\"accessToken\":\"old.access.token\",\"refreshToken\":\"" + REFRESH + "\",\"expiresAt\":\""
            + Cli.NOW.plusSeconds(60) + "\",\"method\":\"device-code\",\"authority\":\"https://login.example.invalid\",\"tenant\":\"contoso\","
            + "\"clientId\":\"cid\",\"scope\":\"https://graph.microsoft.com/.default offline_access\"}");
        new Cli(dir).run("config", "set", "--profile", "work", "tenant", "contoso");
        String fresh = TestTokens.user("User.ReadWrite", LATER + 100);
        idp.then(Answer.json(200, success(fresh, null)));
        Cli.Result r = cli().run("whoami", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        Map<String, String> f = form(idp.requests().get(0));
        assertEquals("refresh_token", f.get("grant_type"));
        assertEquals(REFRESH, f.get("refresh_token"));
        assertEquals("/contoso/oauth2/v2.0/token", idp.requests().get(0).rawPath(), "POSCTL_AUTHORITY wins over the cached authority");
        String cached = Files.readString(cache("work"));
        assertTrue(cached.contains(fresh) && cached.contains(REFRESH), "new access token, old refresh token kept");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache("work"))));
        assertFalse((r.out() + r.err()).contains(REFRESH));

        Files.writeString(cache("work"), cached.replace(REFRESH, "revoked").replaceAll("\"expiresAt\":\"[^\"]+\"",
            "\"expiresAt\":\"" + Cli.NOW + "\""));
        idp.then(error("invalid_grant"));
        r = cli().run("whoami");
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.err().contains("run posctl login"), r.err());
    }

    @Test
    void clientSecretComesFromTheEnvironmentOrAFileAndGivesAnAppOnlyWarning() throws Exception {
        String app = TestTokens.app(LATER);
        idp.then(Answer.json(200, success(app, null)));
        Cli.Result r = cli().env("POSCTL_CLIENT_SECRET", "s3cret-value").run("login", "--method", "client-secret", "--tenant", "t-1",
            "--client-id", "cid");
        assertEquals(0, r.code(), r::toString);
        Map<String, String> f = form(idp.requests().get(0));
        assertEquals("client_credentials", f.get("grant_type"));
        assertEquals("s3cret-value", f.get("client_secret"));
        assertEquals("https://graph.microsoft.com/.default", f.get("scope"));
        assertTrue(r.err().contains("app-only"), r.err());
        assertFalse((r.out() + r.err()).contains("s3cret-value"));

        Files.writeString(dir.resolve("secret.txt"), "file-secret\n");
        idp.then(Answer.json(200, success(app, null)));
        r = cli().run("login", "--method", "client-secret", "--client-id", "cid", "--client-secret-file", "secret.txt");
        assertEquals(0, r.code(), r::toString);
        assertEquals("file-secret", form(idp.requests().get(1)).get("client_secret"));

        r = cli().run("login", "--method", "client-secret", "--client-id", "cid");
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.err().contains("POSCTL_CLIENT_SECRET"), r.err());
        assertEquals(2, cli().run("login", "--method", "client-secret", "--client-id", "cid", "--client-secret", "x").code());

        Files.writeString(cache("default"), Files.readString(cache("default")).replaceAll("\"expiresAt\":\"[^\"]+\"",
            "\"expiresAt\":\"" + Cli.NOW + "\""));
        idp.then(Answer.json(200, success(TestTokens.app(LATER + 1), null)));
        r = cli().run("whoami", "-o", "json");
        assertEquals(0, r.code(), "an expired app-only sign-in signs in again with the file's secret: " + r);
        assertEquals("file-secret", form(idp.requests().get(2)).get("client_secret"));
        assertEquals(LATER + 1, Instant.parse(JSON.readTree(r.out()).get("expiresAt").asText()).getEpochSecond());
        Files.delete(cache("default"));

        idp.then(Answer.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}"));
        r = cli().env("POSCTL_CLIENT_SECRET", "wrong").run("login", "--method", "client-secret", "--client-id", "cid");
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.err().contains("AADSTS7000215"), r.err());
    }

    @Test
    void plainHttpAuthoritiesAreRefusedUnlessLoopback() {
        Cli.Result r = new Cli(dir).run("login", "--client-id", "cid", "--authority", "http://login.example.test");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("refusing"), r.err());
        assertNull(idp.requests().isEmpty() ? null : "no request");
    }

    @Test
    void absurdAnswersFromTheTokenEndpointGiveCleanResults() throws Exception {
        idp.then(Answer.json(200, "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":1e400}"));
        Cli.Result r = cli().env("POSCTL_CLIENT_SECRET", "s").run("login", "--method", "client-secret", "--client-id", "cid");
        assertEquals(0, r.code(), r::toString);
        Instant expires = Instant.parse(JSON.readTree(Files.readString(cache("default"))).get("expiresAt").asText());
        assertEquals(Cli.NOW.plus(Duration.ofDays(2)), expires, "a lifetime past all reason is bounded, so refreshes still happen");

        idp.then(Answer.json(200, "{\"access_token\":\"" + ACCESS + "\",\"expires_in\":\"3599\"}"));
        r = cli().env("POSCTL_CLIENT_SECRET", "s").run("login", "--method", "client-secret", "--client-id", "cid");
        assertEquals(0, r.code(), r::toString);
        expires = Instant.parse(JSON.readTree(Files.readString(cache("default"))).get("expiresAt").asText());
        assertEquals(Cli.NOW.plusSeconds(3599), expires, "numeric text, as some endpoints send it");

        String odd = TestTokens.jwt("{\"tid\":\"t\\u001b]0;x\\u0007\",\"upn\":\"a\\u001b[2J@b.c\",\"scp\":\"User.ReadWrite\",\"exp\":" + LATER + "}");
        idp.then(Answer.json(200, "{\"access_token\":\"" + odd + "\",\"expires_in\":3600}"));
        r = cli().env("POSCTL_CLIENT_SECRET", "s").run("login", "--method", "client-secret", "--client-id", "cid");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("signed in as a\\u001b[2J@b.c to tenant t\\u001b]0;x\\u0007 "), r.err());
        assertFalse(r.err().contains("\u001b"), r.err());

        idp.then(Answer.json(200, "{\"access_token\":\"eyJ.x y\\u001b[2J.z\",\"expires_in\":3600}"));
        String before = Files.readString(cache("default"));
        r = cli().env("POSCTL_CLIENT_SECRET", "s").run("login", "--method", "client-secret", "--client-id", "cid");
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.err().contains("the token in the token endpoint's answer contains spaces or control characters"), r.err());
        assertFalse(r.err().contains("eyJ"), r.err());
        assertEquals(before, Files.readString(cache("default")), "nothing saved");
    }
}
