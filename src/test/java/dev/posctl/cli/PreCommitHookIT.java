package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook as pre-commit runs it: {@code pre-commit try-repo} of a copy of this
 * repository's .pre-commit-hooks.yaml, in a git repository with a good and a bad staged edit file,
 * with {@code posctl} on PATH running the packaged jar. Skipped where pre-commit is not installed
 * (.ci/run installs it, so CI does run it).
 */
class PreCommitHookIT {
    static final String GOOD = "userId: adele@contoso.com\nid: x\ndetail:\n  jobTitle: Lead\n";
    static final String BAD = "userId: adele@contoso.com\nid: x\nisCurrent: 3\n";

    @TempDir
    Path dir;
    Path hooks;
    Path work;
    Path bin;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(onPath("pre-commit") && onPath("git"),
            "pre-commit is not installed (apt-get install pre-commit, or pip install pre-commit): the hook test is skipped");
        hooks = Files.createDirectories(dir.resolve("hooks"));
        Files.copy(Path.of(".pre-commit-hooks.yaml"), hooks.resolve(".pre-commit-hooks.yaml"));
        git(hooks, "init", "-q");
        git(hooks, "add", ".pre-commit-hooks.yaml");
        git(hooks, "commit", "-q", "-m", "hooks");

        bin = Files.createDirectories(dir.resolve("bin"));
        List<String> java = PackagedJar.command(null);
        Path posctl = bin.resolve("posctl");
        Files.writeString(posctl, "#!/bin/sh\nexec '" + String.join("' '", java) + "' \"$@\"\n");
        assertTrue(posctl.toFile().setExecutable(true));

        work = Files.createDirectories(dir.resolve("work"));
        git(work, "init", "-q");
        Files.createDirectories(work.resolve("positions"));
        Files.writeString(work.resolve("positions/good.posctl.yaml"), GOOD);
        Files.writeString(work.resolve("positions/bad.posctl.yaml"), BAD);
        Files.writeString(work.resolve("positions/unstaged.ndjson"), "{\"userId\": 3}\n");
        Files.writeString(work.resolve("notes.yaml"), "isCurrent: 3\n");
    }

    @Test
    void theHookValidatesTheStagedEditFilesAndNamesTheBadLine() throws Exception {
        git(work, "add", "positions/good.posctl.yaml", "positions/bad.posctl.yaml", "notes.yaml");
        Run r = run(work, "pre-commit", "try-repo", hooks.toString(), "posctl-validate");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("positions/bad.posctl.yaml:3:12: error: isCurrent:"), r.out());
        assertFalse(r.out().contains("good.posctl.yaml:"), "the good file has no problem: " + r.out());
        assertFalse(r.out().contains("unstaged"), "only staged files are validated: " + r.out());
        assertFalse(r.out().contains("notes.yaml"), "only edit files are validated: " + r.out());
        assertTrue(r.out().contains("2 edits checked, 1 valid"), r.out());
    }

    @Test
    void goodStagedFilesPass() throws Exception {
        git(work, "add", "positions/good.posctl.yaml");
        Run r = run(work, "pre-commit", "try-repo", hooks.toString(), "posctl-validate");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("Passed"), r.out());
    }

    record Run(int code, String out) {}

    Run run(Path cwd, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", dir.toString());
        env.put("PRE_COMMIT_HOME", dir.resolve("pre-commit-cache").toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("POSCTL_CDS", "off");
        env.put("GIT_AUTHOR_NAME", "posctl test");
        env.put("GIT_AUTHOR_EMAIL", "test@posctl.invalid");
        env.put("GIT_COMMITTER_NAME", "posctl test");
        env.put("GIT_COMMITTER_EMAIL", "test@posctl.invalid");
        env.remove("GITHUB_ACTIONS");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    void git(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Run r = run(cwd, cmd.toArray(String[]::new));
        assertEquals(0, r.code(), "git " + String.join(" ", args) + ": " + r.out());
    }

    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
