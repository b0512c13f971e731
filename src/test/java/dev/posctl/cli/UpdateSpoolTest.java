package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.core.Environment;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** update refuses what validate refuses as soon as validate would, however much input follows. */
class UpdateSpoolTest {
    @TempDir
    Path dir;

    @Test
    void devZeroIsRefusedAtOnceAsValidateRefusesIt() {
        Cli cli = new Cli(dir).env("POSCTL_ENDPOINT", "http://127.0.0.1:9").env("POSCTL_TOKEN", "t");
        Cli.Result update = assertTimeoutPreemptively(Duration.ofSeconds(10),
            () -> cli.run("update", "-f", "/dev/zero", "--dry-run"));
        Cli.Result validate = cli.run("validate", "-f", "/dev/zero", "-o", "text");
        assertEquals(3, update.code(), update::toString);
        String problem = validate.err().lines().filter(l -> l.startsWith("/dev/zero:")).findFirst().orElseThrow();
        assertTrue(update.err().contains(problem), "the same message as validate (" + problem + "): " + update);
        assertTrue(update.err().contains("nothing was sent"), update::toString);
    }

    @Test
    void anEndlessPipeOfZerosOnStdinIsRefusedAtOnce() {
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        Environment env = new Environment(Map.of("HOME", dir.toString(), "POSCTL_ENDPOINT", "http://127.0.0.1:9",
            "POSCTL_TOKEN", "t", "XDG_CONFIG_HOME", dir.resolve("config").toString()), zeros, false, false, false, dir,
            Clock.fixed(Cli.NOW, ZoneOffset.UTC));
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CommandLineFactory.create(env,
            new PrintWriter(new StringWriter()), new PrintWriter(err)).execute("update", "-f", "-", "--dry-run"));
        assertEquals(3, code, err::toString);
        assertTrue(err.toString().contains("<stdin>:1:1: error: special characters are not allowed"), err::toString);
    }
}
