package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark scripts are documentation too: each runs to the end with tiny sizes and exits 0. */
class BenchScriptsIT {
    @TempDir
    Path dir;

    record Run(int code, String out) {}

    Run bench(String script, Map<String, String> sizes) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "bench/" + script).redirectErrorStream(true)
            .redirectOutput(dir.resolve(script + ".out").toFile());
        pb.environment().putAll(sizes);
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("TMPDIR", dir.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
        pb.environment().keySet().removeIf(k -> k.startsWith("POSCTL_") || k.startsWith("XDG_"));
        Process p = pb.start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), script + " ended");
        return new Run(p.exitValue(), Files.readString(dir.resolve(script + ".out"), StandardCharsets.UTF_8));
    }

    @Test
    void validate() throws Exception {
        Run r = bench("validate.sh", Map.of("N", "1000", "RUNS", "1"));
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("the edits are valid"), r.out());
    }

    @Test
    void bulkWithFewerEditsThanTheWarmUp() throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed");
        Run r = bench("bulk.sh", Map.of("N", "200", "ROUNDS", "1", "WARM", "300"));
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("50 ms per request"), r.out());
        // what the machine leaves of the ceiling: curl replaying posctl's own $batch requests, and the server's CPU
        assertTrue(r.out().contains("curl replaying posctl's $batch requests") && r.out().contains("of the replay"), r.out());
        assertTrue(r.out().contains("server CPU"), r.out());
    }

    @Test
    void exportBesideCurl() throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed");
        Run r = bench("export.sh", Map.of("N", "300", "ROUNDS", "1", "WARM", "100"));
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("posctl export") && r.out().contains("curl GETs"), r.out());
    }

    @Test
    void applyOfAChangedExport() throws Exception {
        assumeTrue(onPath("curl"), "curl is not installed");
        Run r = bench("apply.sh", Map.of("N", "200", "ROUNDS", "1"));
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("posctl apply again") && r.out().contains("curl, least requests"), r.out());
    }

    @Test
    void startup() throws Exception {
        Run r = bench("startup.sh", Map.of("RUNS", "1"));
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("posctl update (GET + PATCH)"), r.out());
    }

    static boolean onPath(String tool) {
        return List.of(System.getenv("PATH").split(File.pathSeparator)).stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
