package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.http.HostileServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts that are not a plain number of seconds in range are refused before anything is sent, naming their source. */
class TimeoutOptionsTest {
    static final String[] BAD = {"NaN", "Infinity", "-Infinity", "1e16", "1e3", "0x1p3", "10d", "0", "0.0", "1e-9", "0.0001", "-1",
        "86401", "", "abc"};

    @TempDir
    Path dir;
    HostileServer graph;

    @BeforeEach
    void start() throws Exception {
        graph = new HostileServer();
        graph.fallback(r -> HostileServer.json(200, "{\"id\":\"p1\"}"));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    Cli cli() {
        return new Cli(dir).env("POSCTL_TOKEN", "t").env("POSCTL_ENDPOINT", graph.base());
    }

    @Test
    void badFlagsAreUsageErrors() {
        for (String option : new String[] {"--timeout", "--connect-timeout", "--retry-budget"}) {
            for (String bad : BAD) {
                Cli.Result r = cli().run("get", "--user", "u", "--id", "p1", option, bad);
                assertEquals(2, r.code(), () -> option + " " + bad + "\n" + r);
                assertTrue(r.err().startsWith("posctl: " + option + ": '" + bad + "'"), r::toString);
                assertFalse(r.err().contains("Exception"), r::toString);
            }
        }
        assertEquals(0, graph.requests().size());
    }

    @Test
    void badVariablesAndProfileValuesAreConfigErrorsNamingTheirSource() {
        for (String bad : BAD) {
            if (bad.isEmpty()) {
                continue; // an empty variable counts as unset
            }
            Cli.Result r = cli().env("POSCTL_TIMEOUT", bad).env("POSCTL_CONNECT_TIMEOUT", "5").run("get", "--user", "u", "--id", "p1");
            assertEquals(7, r.code(), () -> bad + "\n" + r);
            assertTrue(r.err().contains("POSCTL_TIMEOUT (the default of --timeout): '" + bad + "'"), r::toString);
        }
        Cli.Result r = cli().env("POSCTL_CONNECT_TIMEOUT", "NaN").run("get", "--user", "u", "--id", "p1", "--timeout", "5");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("POSCTL_CONNECT_TIMEOUT"), r.err());

        assertEquals(0, cli().run("config", "set", "--profile", "work", "timeout", "1e16").code());
        r = cli().run("get", "--user", "u", "--id", "p1", "--profile", "work");
        assertEquals(7, r.code(), r::toString);
        assertTrue(r.err().contains("the profile's timeout (the default of --timeout): '1e16'"), r.err());
        assertEquals(0, graph.requests().size());
    }

    @Test
    void plainAndFractionalSecondsWork() {
        for (String ok : new String[] {"2.5", "0.75", "86400", " 30 "}) {
            Cli.Result r = cli().run("get", "--user", "u", "--id", "p1", "--timeout", ok, "--connect-timeout", ok, "-o", "json");
            assertEquals(0, r.code(), () -> ok + "\n" + r);
        }
    }
}
