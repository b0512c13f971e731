package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action installs what a release holds: a release is laid out as JReleaser names it from
 * jreleaser.yml (the distribution's archives as {@code mvn package} builds them, the tag, the
 * checksum file), and action.yml's install step runs against it, with a stand-in for curl that
 * serves that release from disk. A name that drifts on either side fails here, not on a user's CI.
 */
class ActionReleaseNamesIT {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theInstallStepFindsTheArchiveAndTheChecksumFileJReleaserPublishes() throws Exception {
        String version = projectVersion();
        JsonNode jreleaser = YAML.readTree(ROOT.resolve("jreleaser.yml").toFile());
        String tag = resolve(jreleaser.at("/release/github/tagName").asText("v{{projectVersion}}"), "posctl", version);
        Path release = Files.createDirectories(dir.resolve("release").resolve(tag));
        List<String> sums = new ArrayList<>();
        for (JsonNode artifact : jreleaser.at("/distributions/posctl/artifacts")) {
            Path built = ROOT.resolve(resolve(artifact.get("path").asText(), "posctl", version));
            assertTrue(Files.isRegularFile(built), "jreleaser.yml's artifact is what the build makes: " + built);
            Files.copy(built, release.resolve(built.getFileName()));
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(built)));
            sums.add(sha + "  " + built.getFileName());
        }
        Files.write(release.resolve(checksumFile(jreleaser)), sums);

        Path fakeBin = Files.createDirectories(dir.resolve("bin"));
        Path curl = fakeBin.resolve("curl");
        // curl -fsSL --retry 3 -o OUT URL: the release's assets from disk, a 404 (exit 22) for any other name
        Files.writeString(curl, "#!/usr/bin/env bash\nout=\"\"; url=\"\"\n"
            + "while [ $# -gt 0 ]; do case \"$1\" in -o) out=\"$2\"; shift 2 ;; --retry) shift 2 ;; -*) shift ;; *) url=\"$1\"; shift ;; esac; done\n"
            + "name=\"${url#https://github.com/posctl/posctl/releases/download/}\"\n"
            + "[ \"$name\" != \"$url\" ] && [ -f \"$RELEASE/$name\" ] || { echo \"curl: (22) 404 $url\" >&2; exit 22; }\n"
            + "cp \"$RELEASE/$name\" \"$out\"\n");
        Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path runner = Files.createDirectories(dir.resolve("runner"));
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", installStep()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("POSCTL_") || k.startsWith("XDG_") || k.startsWith("GITHUB_"));
        pb.environment().putAll(java.util.Map.of(
            "PATH", fakeBin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"),
            "JAVA_HOME", System.getProperty("java.home"), "HOME", dir.toString(), "RELEASE", dir.resolve("release").toString(),
            "RUNNER_TEMP", runner.toString(), "GITHUB_PATH", dir.resolve("github_path").toString(),
            "GITHUB_OUTPUT", dir.resolve("github_output").toString(),
            "POSCTL_VERSION", version, "POSCTL_REPOSITORY", "posctl/posctl"));
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the install step ended");
        String log = Files.readString(dir.resolve("log"));
        assertEquals(0, p.exitValue(), log);
        String outputs = Files.readString(dir.resolve("github_output"));
        Matcher home = Pattern.compile("(?m)^home=(.*)$").matcher(outputs);
        assertTrue(home.find(), outputs);
        assertTrue(Files.isExecutable(Path.of(home.group(1), "bin", "posctl")), outputs);
        assertEquals(home.group(1) + "/bin", Files.readString(dir.resolve("github_path")).strip());
        assertTrue(outputs.contains("version=posctl " + version), outputs);
        assertFalse(log.contains("::error"), log);
    }

    /** JReleaser's name for the SHA-256 file: the configured name (default checksums.txt) with _sha256 before the extension. */
    static String checksumFile(JsonNode jreleaser) {
        JsonNode algorithms = jreleaser.at("/checksum/algorithms");
        if (!algorithms.isMissingNode()) {
            boolean sha256 = false;
            for (JsonNode a : algorithms) {
                sha256 |= a.asText().equals("SHA-256");
            }
            assertTrue(sha256, "the action checks SHA-256 sums: " + algorithms);
        }
        String name = resolve(jreleaser.at("/checksum/name").asText("checksums.txt"), "posctl", projectVersion());
        int dot = name.lastIndexOf('.');
        return dot >= 0 ? name.substring(0, dot) + "_sha256" + name.substring(dot) : name + ".sha256";
    }

    static String resolve(String template, String distribution, String version) {
        String s = template.replace("{{distributionName}}", distribution).replace("{{projectName}}", "posctl")
            .replace("{{projectVersion}}", version);
        assertFalse(s.contains("{{"), "a template this test does not know: " + template);
        return s;
    }

    static String projectVersion() {
        try {
            Matcher m = Pattern.compile("<artifactId>posctl</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
            assertTrue(m.find(), "the pom's version");
            return m.group(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String installStep() throws Exception {
        for (JsonNode step : YAML.readTree(ROOT.resolve("action.yml").toFile()).at("/runs/steps")) {
            if ("install".equals(step.path("id").asText())) {
                return step.get("run").asText();
            }
        }
        throw new AssertionError("action.yml has no step with id install");
    }
}
