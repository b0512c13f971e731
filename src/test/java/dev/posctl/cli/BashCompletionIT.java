package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.posctl.complete.IdCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed bash completion against the packaged jar, as a user has them: `list` against the
 * sandbox fills the id cache, then Tab after {@code get --user adele@contoso.com --id} offers those ids.
 */
class BashCompletionIT {
    static final String ADELE = "adele@contoso.com";

    @TempDir
    Path dir;

    @Test
    void tabAfterIdOffersTheCachedIdsOfTheUser() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "bash is not installed");
        Path jar = Path.of(System.getProperty("posctl.jar", "target/posctl.jar")).toAbsolutePath();
        Path script = jar.getParent().getParent().resolve("completions/posctl.bash");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path posctl = bin.resolve("posctl");
        Files.writeString(posctl, "#!/bin/sh\nexec '" + PackagedJar.command(null).get(0) + "' -jar '" + jar + "' \"$@\"\n");
        Files.setPosixFilePermissions(posctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "XDG_STATE_HOME", dir.resolve("state").toString(),
            "XDG_CONFIG_HOME", dir.resolve("config").toString(), "POSCTL_TOKEN", "x");

        List<String> listed = new ArrayList<>();
        try (PackagedJar.Sandbox sandbox = PackagedJar.sandbox()) {
            String out = run(env, List.of(posctl.toString(), "list", "--user", ADELE, "-o", "json", "--endpoint", sandbox.url()));
            for (JsonNode p : new ObjectMapper().readTree(out)) {
                listed.add(p.path("id").asText());
            }
        }
        assertFalse(listed.isEmpty(), "the sandbox has positions of " + ADELE);
        assertEquals(new TreeSet<>(listed), new TreeSet<>(new IdCache(dir.resolve("state/posctl/completion-ids.json")).positions(ADELE)),
            "list recorded the ids in the cache");

        // COMP_WORDS split at '@' as bash splits them
        String line = "posctl get --user " + ADELE + " --id ";
        String bash = "source '" + script + "'\n"
            + "COMP_WORDS=(posctl get --user adele @ contoso.com --id '')\nCOMP_CWORD=7\n"
            + "COMP_LINE='" + line + "'\nCOMP_POINT=${#COMP_LINE}\n"
            + "_posctl_complete posctl\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        String offered = run(env, List.of("bash", "-c", bash));
        assertEquals(new TreeSet<>(listed), new TreeSet<>(offered.lines().filter(s -> !s.isEmpty()).toList()), offered);
    }

    private String run(Map<String, String> env, List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
            .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().remove("POSCTL_ENDPOINT");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), cmd + " finished");
        String err = Files.readString(dir.resolve("err"));
        assertEquals(0, p.exitValue(), cmd + ": " + err);
        return Files.readString(dir.resolve("out"));
    }
}
