package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar the way a user does: a new JVM, real streams, real exit codes. */
class PackagedJarIT {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    Run posctl(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", System.getProperty("posctl.jar", "target/posctl.jar")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile())
            .redirectError(dir.resolve("err").toFile());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "posctl finished");
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    @Test
    void versionHelpAndValidateWorkFromTheJar() throws Exception {
        Run v = posctl("", "--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("posctl "), v.out());

        Run ok = posctl("", "validate", "-f", Path.of("examples/edits.yaml").toAbsolutePath().toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals("[]", ok.out().trim());

        Run bad = posctl("{\"userId\":\"a\",\"id\":\"b\",\"detail\":{\"startMonthYear\":\"2021-13-01\"}}\n", "validate", "-f", "-", "-o", "text");
        assertEquals(3, bad.code());
        assertTrue(bad.err().contains("<stdin>:1:51: error: detail.startMonthYear: \"2021-13-01\" is not a date"), bad.err());

        Run update = posctl("", "update", "--user", "adele@contoso.com", "--current", "--job-title", "Principal PM", "-o", "json");
        assertEquals(0, update.code(), update.err());
        assertTrue(update.out().contains("\"status\":\"updated\""), update.out());
        assertTrue(update.err().contains("using the embedded sandbox"), update.err());
        Run diff = posctl("", "diff", "--user", "adele@contoso.com", "--current", "--job-title", "Principal PM");
        assertEquals(0, diff.code(), diff.err());

        Run usage = posctl("", "validate", "--nope");
        assertEquals(2, usage.code());
        assertFalse(usage.err().contains("Exception"), usage.err());
    }
}
