package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.auth.TestTokens;
import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No output of any command, in any mode, carries a token, refresh token or secret. */
class RedactionTest {
    static final String ACCESS = TestTokens.user("User.ReadWrite.All", Cli.NOW.getEpochSecond() + 3600);
    static final String REFRESH = "0.AAAA-refresh-secret-value";
    static final String SECRET = "client~secret~value";

    @TempDir
    Path dir;

    @Test
    void debugErrorsConfigWhoamiAndLoginNeverPrintSecrets() throws Exception {
        List<Cli.Result> outputs = new ArrayList<>();
        try (RecordingServer graph = new RecordingServer(); RecordingServer idp = new RecordingServer()) {
            String authority = idp.base().replace("/beta", "");
            Cli cli = new Cli(dir).env("POSCTL_AUTHORITY", authority).env("POSCTL_CLIENT_SECRET", SECRET);
            outputs.add(cli.run("config", "set", "--profile", "work", "endpoint", graph.base()));
            outputs.add(cli.run("config", "set", "--profile", "work", "clientId", "cid"));

            idp.then(Answer.json(200, "{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + REFRESH + "\",\"expires_in\":3600}"));
            outputs.add(cli.run("login", "--method", "client-secret", "-v"));
            assertEquals(0, outputs.get(outputs.size() - 1).code(), () -> outputs.get(outputs.size() - 1).toString());
            assertTrue(Files.readString(dir.resolve("state/posctl/tokens/work.json")).contains(REFRESH), "the cache holds what is checked for");

            // a server that echoes the Authorization header in a response header (data on stdout is the server's own)
            graph.fallback(r -> Answer.json(200, "{\"id\":\"p1\"}").withHeader("x-echo", r.header("Authorization")));
            outputs.add(cli.run("get", "--user", "a@b.c", "--id", "p1", "--debug", "-o", "json"));
            graph.fallback(r -> Answer.json(401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"bad token "
                + r.header("Authorization").substring(7) + "\"}}"));
            outputs.add(cli.run("get", "--user", "a@b.c", "--id", "p1", "--debug", "-v"));
            outputs.add(cli.run("update", "--user", "a@b.c", "--id", "p1", "--job-title", "X", "--dry-run", "-o", "json"));
            outputs.add(cli.run("config", "view"));
            outputs.add(cli.run("config", "view", "--resolved", "-o", "json"));
            outputs.add(cli.run("config", "view", "--resolved", "-o", "yaml"));
            outputs.add(cli.run("whoami"));
            outputs.add(cli.run("whoami", "-o", "json", "--debug"));

            idp.then(Answer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70000: refresh token " + REFRESH + " expired\"}"));
            Files.writeString(dir.resolve("state/posctl/tokens/work.json"),
                Files.readString(dir.resolve("state/posctl/tokens/work.json")).replaceAll("\"expiresAt\":\"[^\"]+\"", "\"expiresAt\":\"" + Cli.NOW + "\""));
            outputs.add(cli.run("get", "--user", "a@b.c", "--id", "p1", "--debug", "-v"));
            assertEquals(5, outputs.get(outputs.size() - 1).code(), () -> outputs.get(outputs.size() - 1).toString());
        }
        for (Cli.Result r : outputs) {
            String all = r.out() + r.err();
            assertFalse(all.contains(ACCESS), () -> "access token printed:\n" + r);
            assertFalse(all.contains(ACCESS.substring(ACCESS.lastIndexOf('.') - 20)), () -> "part of the access token printed:\n" + r);
            assertFalse(all.contains(REFRESH), () -> "refresh token printed:\n" + r);
            assertFalse(all.contains(SECRET), () -> "client secret printed:\n" + r);
        }
    }
}
