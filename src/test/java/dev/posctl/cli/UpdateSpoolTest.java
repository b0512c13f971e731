package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.core.Environment;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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

    /** The text repeated for ever, as a pipe from {@code yes} would give it. */
    static InputStream endless(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            long n;

            @Override
            public int read() {
                return bytes[(int) (n++ % bytes.length)] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = bytes[(int) (n++ % bytes.length)];
                }
                return len;
            }
        };
    }

    int update(InputStream stdin, StringWriter err) {
        Environment env = new Environment(Map.of("HOME", dir.toString(), "POSCTL_ENDPOINT", "http://127.0.0.1:9",
            "POSCTL_TOKEN", "t", "XDG_CONFIG_HOME", dir.resolve("config").toString()), stdin, false, false, false, dir,
            Clock.fixed(Cli.NOW, ZoneOffset.UTC));
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CommandLineFactory.create(env,
            new PrintWriter(new StringWriter()), new PrintWriter(err)).execute("update", "-f", "-", "--dry-run"));
    }

    @Test
    void anEndlessPipeOfZerosOnStdinIsRefusedAtOnce() {
        StringWriter err = new StringWriter();
        assertEquals(3, update(endless("\0"), err), err::toString);
        assertTrue(err.toString().contains("<stdin>:1: error: character U+0000 is not allowed in YAML text"), err::toString);
    }

    @Test
    void anEndlessPipeOfInvalidEditsEndsOnceMoreProblemsAreFoundThanAreListed() {
        StringWriter err = new StringWriter();
        assertEquals(3, update(endless("{\"userId\":\"a\"}\n"), err), err::toString);
        Cli.Result validate = new Cli(dir).stdin("{\"userId\":\"a\"}\n").run("validate", "-f", "-", "-o", "text");
        String problem = validate.err().lines().filter(l -> l.startsWith("<stdin>:1:")).findFirst().orElseThrow();
        assertTrue(err.toString().startsWith(problem + "\n"), "validate's message first (" + problem + "): " + err.toString().lines().findFirst());
        assertTrue(err.toString().contains("(reading stopped there); nothing was sent"), () -> err.toString().substring(err.toString().length() - 300));
    }
}
