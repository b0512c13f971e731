package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String POSITION = "{\"id\":\"p1\",\"isCurrent\":true,\"detail\":{\"jobTitle\":\"PM\"}}";

    @TempDir
    Path dir;

    Path configFile() {
        return dir.resolve("config/posctl/config.yaml");
    }

    @Test
    void setCreatesAPrivateFileAndTheProfileAndTheOtherSubcommandsReadIt() throws Exception {
        Cli cli = new Cli(dir);
        Cli.Result r = cli.run("config", "set", "--profile", "work", "endpoint", "https://graph.microsoft.com/beta");
        assertEquals(0, r.code(), r::toString);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile())));
        assertEquals(0, cli.run("config", "set", "--profile", "work", "tenant", "contoso.onmicrosoft.com").code());
        assertEquals(0, cli.run("config", "set", "--profile", "lab", "endpoint", "sandbox").code());
        assertEquals("https://graph.microsoft.com/beta\n", cli.run("config", "get", "endpoint").out(), "work became current: it was first");
        assertEquals("sandbox\n", cli.run("config", "get", "--profile", "lab", "endpoint").out());
        assertEquals("sandbox\n", new Cli(dir).env("POSCTL_PROFILE", "lab").run("config", "get", "endpoint").out());
        assertEquals(1, cli.run("config", "get", "clientId").code());

        assertEquals(0, cli.run("config", "use", "lab").code());
        JsonNode profiles = JSON.readTree(cli.run("config", "profiles", "-o", "json").out());
        assertEquals(2, profiles.size());
        assertEquals("work", profiles.get(0).get("name").asText());
        assertFalse(profiles.get(0).get("current").asBoolean());
        assertTrue(profiles.get(1).get("current").asBoolean());

        assertEquals(0, cli.run("config", "unset", "--profile", "work", "tenant").code());
        String view = cli.run("config", "view").out();
        assertTrue(view.contains("current: lab"), view);
        assertFalse(view.contains("contoso"), view);
        assertFalse(Files.list(configFile().getParent()).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left");
        assertEquals(7, cli.run("config", "use", "nope").code());
    }

    @Test
    void unknownAndBrokenKeysAreExit7NamingFileLineAndKey() throws Exception {
        Files.createDirectories(configFile().getParent());
        Files.writeString(configFile(), "current: work\nprofiles:\n  work:\n    endpoint: sandbox\n    colour: blue\n");
        Cli.Result r = new Cli(dir).run("list", "--user", "adele@contoso.com");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains(configFile() + ":5:") && r.err().contains("colour"), r.err());

        Files.writeString(configFile(), "current: work\nprofiles:\n  work:\n    maxRetries: many\n");
        r = new Cli(dir).run("config", "view");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains(configFile() + ":4:") && r.err().contains("maxRetries") && r.err().contains("whole number"), r.err());

        Files.writeString(configFile(), "profiles:\n  work:\n    clientSecret: hunter2\n");
        r = new Cli(dir).run("config", "view");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("never go in the config file") && !r.err().contains("hunter2"), r.err());

        Files.writeString(configFile(), "profiles:\n  work: [\n");
        assertEquals(7, new Cli(dir).run("config", "view").code());

        assertEquals(7, new Cli(dir).run("config", "set", "colour", "blue").code());
        assertEquals(7, new Cli(dir).run("config", "set", "--profile", "bad/name", "tenant", "x").code());
    }

    @Test
    void resolvedViewNamesTheSourceOfEveryValue() throws Exception {
        Cli cli = new Cli(dir);
        cli.run("config", "set", "--profile", "work", "endpoint", "https://graph.microsoft.com/beta");
        cli.run("config", "set", "--profile", "work", "maxRetries", "9");
        JsonNode rows = JSON.readTree(new Cli(dir).env("POSCTL_MAX_RETRIES", "2").run("config", "view", "--resolved", "-o", "json").out());
        assertEquals("profile work", row(rows, "endpoint").get("source").asText());
        assertEquals("2", row(rows, "maxRetries").get("value").asText());
        assertEquals("env POSCTL_MAX_RETRIES", row(rows, "maxRetries").get("source").asText());
        assertEquals("30", row(rows, "timeout").get("value").asText());
        assertEquals("default", row(rows, "timeout").get("source").asText());
    }

    static JsonNode row(JsonNode rows, String key) {
        for (JsonNode r : rows) {
            if (r.get("key").asText().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no row " + key + " in " + rows);
    }

    @Test
    void profileValuesApplyAndEnvironmentAndFlagsWin() throws Exception {
        try (RecordingServer fromProfile = new RecordingServer(); RecordingServer fromEnv = new RecordingServer();
             RecordingServer fromFlag = new RecordingServer()) {
            for (RecordingServer s : new RecordingServer[] {fromProfile, fromEnv, fromFlag}) {
                s.fallback(x -> Answer.json(200, POSITION));
            }
            Cli cli = new Cli(dir).env("POSCTL_TOKEN", "t.o.k");
            cli.run("config", "set", "--profile", "work", "endpoint", fromProfile.base());
            cli.run("config", "set", "--profile", "work", "output", "yaml");
            cli.run("config", "set", "--profile", "other", "endpoint", "http://127.0.0.1:1/beta");
            Cli.Result r = cli.run("get", "--user", "adele@contoso.com", "--id", "p1");
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().contains("jobTitle: PM"), "output: yaml from the profile: " + r.out());
            assertEquals(1, fromProfile.requests().size());

            r = new Cli(dir).env("POSCTL_TOKEN", "t.o.k").env("POSCTL_ENDPOINT", fromEnv.base()).env("POSCTL_OUTPUT", "json")
                .run("get", "--user", "adele@contoso.com", "--id", "p1");
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().trim().startsWith("{"), r.out());
            assertEquals(1, fromEnv.requests().size());

            r = new Cli(dir).env("POSCTL_TOKEN", "t.o.k").env("POSCTL_ENDPOINT", fromEnv.base())
                .run("get", "--user", "adele@contoso.com", "--id", "p1", "--endpoint", fromFlag.base());
            assertEquals(0, r.code(), r::toString);
            assertEquals(1, fromFlag.requests().size());
            assertEquals(1, fromEnv.requests().size());

            r = new Cli(dir).env("POSCTL_TOKEN", "t.o.k").run("get", "--profile", "other", "--user", "a@b.c", "--id", "p1",
                "--max-retries", "0", "--connect-timeout", "2");
            assertEquals(6, r.code(), "the other profile's unreachable endpoint was used: " + r);
            assertEquals(1, fromProfile.requests().size());

            r = new Cli(dir).run("get", "--profile", "missing", "--user", "a@b.c", "--id", "p1");
            assertEquals(7, r.code(), r::toString);
            assertTrue(r.err().contains("profile \"missing\" is not defined"), r.err());
        }
    }

    @Test
    void setThroughASymlinkWritesTheTargetAndKeepsTheLink() throws Exception {
        Path target = dir.resolve("dotfiles/posctl.yaml");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "current: work\nprofiles:\n  work:\n    tenant: contoso\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(configFile().getParent());
        Files.createSymbolicLink(configFile(), Path.of("../../dotfiles/posctl.yaml"));
        Cli cli = new Cli(dir);
        Cli.Result r = cli.run("config", "set", "endpoint", "sandbox");
        assertEquals(0, r.code(), r::toString);
        assertTrue(Files.isSymbolicLink(configFile()), "the link stays a link");
        String text = Files.readString(target);
        assertTrue(text.contains("endpoint: sandbox") && text.contains("tenant: contoso"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals("sandbox\n", cli.run("config", "get", "endpoint").out());
        for (Path d : new Path[] {target.getParent(), configFile().getParent()}) {
            try (var files = Files.list(d)) {
                assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left in " + d);
            }
        }
    }

    @Test
    void aConfigThatIsNotARegularFileOrIsHugeIsACleanExit7() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path huge = dir.resolve("huge.yaml");
        try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(64L * 1024 * 1024); // sparse: no disk used
        }
        Files.createDirectories(dir.resolve("adir"));
        for (String config : new String[] {"/dev/zero", fifo.toString(), huge.toString(), dir.resolve("adir").toString()}) {
            for (String[] args : new String[][] {{"config", "view"}, {"config", "set", "tenant", "x"},
                {"list", "--user", "adele@contoso.com"}}) {
                long t0 = System.nanoTime();
                Cli.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> new Cli(dir).env("POSCTL_CONFIG", config).run(args));
                assertEquals(7, r.code(), config + " " + String.join(" ", args) + ": " + r);
                assertTrue(r.err().contains(config), r.toString());
                assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.toString());
                assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "fast: " + config);
            }
        }
        assertEquals(64L * 1024 * 1024, Files.size(huge), "nothing written over it");
    }
}
