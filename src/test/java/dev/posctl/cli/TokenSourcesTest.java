package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.auth.TestTokens;
import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the bearer token comes from, seen by a real server: flags, variables, profile, command. */
class TokenSourcesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    RecordingServer graph;

    @BeforeEach
    void start() throws Exception {
        graph = new RecordingServer();
        graph.fallback(r -> Answer.json(200, "{\"id\":\"p1\"}"));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    String sent(Cli cli, String... extra) {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"get", "--user", "a@b.c", "--id", "p1", "-q"}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        Cli.Result r = cli.env("POSCTL_ENDPOINT", graph.base()).run(args);
        assertEquals(0, r.code(), r::toString);
        return graph.requests().get(graph.requests().size() - 1).header("Authorization");
    }

    @Test
    void flagsWinOverVariablesWhichWinOverTheProfile() throws Exception {
        Files.writeString(dir.resolve("flag.tok"), "from.flag.file\n");
        Files.writeString(dir.resolve("profile.tok"), "from.profile.file");
        new Cli(dir).run("config", "set", "--profile", "work", "tokenFile", "profile.tok");
        assertEquals("Bearer from.profile.file", sent(new Cli(dir)));
        assertEquals("Bearer from.env", sent(new Cli(dir).env("POSCTL_TOKEN", "from.env")));
        assertEquals("Bearer from.flag.file", sent(new Cli(dir).env("POSCTL_TOKEN", "from.env"), "--token-file", "flag.tok"));

        Cli.Result r = new Cli(dir).env("POSCTL_ENDPOINT", graph.base()).run("get", "--user", "a@b.c", "--id", "p1", "--token", "from.flag");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("shell history"), r.err());
        assertFalse(r.err().contains("from.flag"), r.err());
        assertEquals("Bearer from.flag", graph.requests().get(graph.requests().size() - 1).header("Authorization"));

        r = new Cli(dir).env("POSCTL_ENDPOINT", graph.base()).run("get", "--user", "a@b.c", "--id", "p1", "--token-file", "missing.tok");
        assertEquals(5, r.code(), r::toString);
    }

    Cli.Result refused(Cli cli, String... extra) {
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"get", "--user", "a@b.c", "--id", "p1"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        int before = graph.requests().size();
        Cli.Result r = cli.env("POSCTL_ENDPOINT", graph.base()).run(args);
        assertEquals(5, r.code(), r::toString);
        assertEquals(before, graph.requests().size(), "nothing was sent");
        return r;
    }

    @Test
    void everySourceGivesItsFirstNonEmptyLineTrimmed() throws Exception {
        Files.writeString(dir.resolve("commented.tok"), "\n  file.tok.en  \r\n# expires at noon\nsecond line\n");
        assertEquals("Bearer file.tok.en", sent(new Cli(dir), "--token-file", "commented.tok"));
        assertEquals("Bearer env.tok.en", sent(new Cli(dir).env("POSCTL_TOKEN", "env.tok.en\r\nsecret.rest\r\n")));
        assertEquals("Bearer flag.tok.en", sent(new Cli(dir), "--token", "flag.tok.en\nrest"));
        new Cli(dir).run("config", "set", "--profile", "work", "tokenCommand", "printf 'cmd.tok.en==\\r\\n# comment\\n'");
        assertEquals("Bearer cmd.tok.en==", sent(new Cli(dir)));
    }

    @Test
    void aValueThatIsNoTokenIsRefusedNamingTheSourceAndShowingNoPartOfIt() throws Exception {
        Cli.Result r = refused(new Cli(dir).env("POSCTL_TOKEN", "secret.part one.part"));
        assertTrue(r.err().contains("the token in POSCTL_TOKEN contains spaces or control characters"), r.err());
        assertFalse(r.err().contains("part"), r.err());

        r = refused(new Cli(dir).env("POSCTL_TOKEN", "secret.part\u001b]0;x\u0007"), "-v");
        assertTrue(r.err().contains("POSCTL_TOKEN contains spaces or control characters"), r.err());
        assertFalse(r.err().contains("secret") || r.err().contains("\u001b"), r.err());

        r = refused(new Cli(dir), "--token", "secret.p\u00e4rt");
        assertTrue(r.err().contains("the token in --token contains characters a bearer token cannot hold"), r.err());
        assertFalse(r.err().contains("secret"), r.err());

        // a profile pointed at the wrong file: line 1 of /etc/shadow has no space, but colons and $
        Files.writeString(dir.resolve("shadow"), "root:$6$saltsalt$hashedpasswordhash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n");
        new Cli(dir).run("config", "set", "--profile", "work", "tokenFile", "shadow");
        r = refused(new Cli(dir), "-v");
        assertTrue(r.err().contains("the token in the token file " + dir.resolve("shadow") + " contains characters"), r.err());
        assertFalse(r.err().contains("root") || r.err().contains("hashed") || r.err().contains("daemon"), r.err());

        Files.write(dir.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe, 's', 'e', 'c', 'r', 'e', 't', 0x1b, '[', '2', 'J', 0, 1});
        r = refused(new Cli(dir), "--token-file", "binary", "--verbose");
        assertTrue(r.err().contains("the token in the token file " + dir.resolve("binary") + " contains"), r.err());
        assertFalse(r.err().contains("secret") || r.err().contains("\u001b"), r.err());

        Files.writeString(dir.resolve("blank"), "\n \r\n\t\n");
        r = refused(new Cli(dir), "--token-file", "blank");
        assertTrue(r.err().contains("the token in the token file " + dir.resolve("blank") + " is empty"), r.err());

        new Cli(dir).run("config", "unset", "--profile", "work", "tokenFile");
        new Cli(dir).run("config", "set", "--profile", "work", "tokenCommand", "printf 'secret.part other.part'");
        r = refused(new Cli(dir));
        assertTrue(r.err().contains("the token in the output of tokenCommand printf contains spaces"), r.err());
        assertFalse(r.err().contains("part"), r.err());
    }

    @Test
    void tokenCommandRunsWithoutAShell() throws Exception {
        Cli cli = new Cli(dir);
        cli.run("config", "set", "--profile", "work", "tokenCommand", "printf %s%s ~/tok. 'a'\"b\"");
        assertEquals("Bearer ~/tok.ab", sent(new Cli(dir)), "quotes group, and no shell expanded ~");

        cli.run("config", "set", "--profile", "work", "tokenCommand", "sh -c 'echo leaked.token.value; exit 3'");
        Cli.Result r = new Cli(dir).env("POSCTL_ENDPOINT", graph.base()).run("get", "--user", "a@b.c", "--id", "p1");
        assertEquals(5, r.code(), r::toString);
        assertTrue(r.err().contains("failed with exit 3"), r.err());
        assertFalse(r.err().contains("leaked.token.value"), r.err());

        cli.run("config", "set", "--profile", "work", "tokenCommand", "/nonexistent/az account get-access-token");
        r = new Cli(dir).env("POSCTL_ENDPOINT", graph.base()).run("get", "--user", "a@b.c", "--id", "p1");
        assertEquals(5, r.code(), r::toString);
    }

    @Test
    void whoamiWarnsWhenTheTokenCannotWritePositionsOrIsAppOnly() throws Exception {
        long exp = Cli.NOW.getEpochSecond() + 600;
        Cli.Result r = new Cli(dir).env("POSCTL_TOKEN", TestTokens.user("User.Read", exp)).run("whoami", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("cannot write positions"), r.err());
        assertEquals("env POSCTL_TOKEN", JSON.readTree(r.out()).get("source").asText());

        r = new Cli(dir).env("POSCTL_TOKEN", TestTokens.user("User.Read", exp)).run("whoami", "-o", "table");
        assertTrue(r.out().matches("(?s).*\\buser +adele@contoso\\.com\n.*scopes +User\\.Read\n.*"), r.out());

        r = new Cli(dir).env("POSCTL_TOKEN", TestTokens.app(exp)).run("whoami", "-o", "json");
        JsonNode w = JSON.readTree(r.out());
        assertTrue(w.get("appOnly").asBoolean());
        assertEquals("User.ReadWrite.All", w.get("roles").get(0).asText());
        assertTrue(r.err().contains("app-only"), r.err());

        r = new Cli(dir).env("POSCTL_TOKEN", TestTokens.user("User.ReadWrite", Cli.NOW.getEpochSecond() - 5)).run("whoami", "-o", "json");
        assertTrue(JSON.readTree(r.out()).get("expired").asBoolean());
        assertTrue(r.err().contains("expired"), r.err());

        r = new Cli(dir).env("POSCTL_TOKEN", "not-a-jwt-secret").run("whoami");
        assertEquals(5, r.code(), r::toString);
        assertFalse(r.err().contains("not-a-jwt-secret"), r.err());
    }

    @Test
    void absurdTimeClaimsAreSaidToBeNoTimesNotAnInternalError() throws Exception {
        for (String claims : new String[] {"\"exp\":1e400", "\"exp\":-1e400", "\"exp\":\"soon\"", "\"exp\":9223372036854775807",
            "\"exp\":[1]", "\"exp\":600,\"nbf\":1e400"}) {
            String token = TestTokens.jwt("{\"tid\":\"t-1\",\"upn\":\"a@b.c\",\"scp\":\"User.ReadWrite\"," + claims + "}");
            Cli.Result r = new Cli(dir).env("POSCTL_TOKEN", token).run("whoami", "-o", "json");
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.err().contains("claim is not a time"), r.err());
        }
        String early = TestTokens.jwt("{\"tid\":\"t-1\",\"upn\":\"a@b.c\",\"scp\":\"User.ReadWrite\",\"exp\":"
            + (Cli.NOW.getEpochSecond() + 7200) + ",\"nbf\":" + (Cli.NOW.getEpochSecond() + 3600) + "}");
        Cli.Result r = new Cli(dir).env("POSCTL_TOKEN", early).run("whoami", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("the token is not valid before 2026-11-28T13:00:00Z"), r.err());
    }
}
