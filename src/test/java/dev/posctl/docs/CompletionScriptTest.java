package dev.posctl.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated scripts parse, and the bash function answers real command lines. */
class CompletionScriptTest {
    @TempDir
    Path dir;

    @BeforeEach
    void write() throws Exception {
        dev.posctl.cli.GenerateDocs.write(dir);
        // a stand-in for `posctl __complete` on PATH, so the dynamic branch is exercised without a JVM
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("posctl");
        Files.writeString(fake, "#!/bin/sh\necho \"$*\" > \"$(dirname \"$0\")/called\"\ncat > \"$(dirname \"$0\")/line\"\n"
            + "echo adele@contoso.com\necho alex@contoso.com\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("edits"));
        Files.writeString(dir.resolve("edits.yaml"), "userId: me\n");
    }

    @Test
    void scriptsParse() throws Exception {
        assumeTrue(Tools.onPath("bash"), "bash is not installed");
        Tools.Run r = Tools.run(dir, List.of("bash", "-n", "completions/posctl.bash"));
        assertEquals(0, r.code(), r.err());
        if (Tools.onPath("zsh")) {
            r = Tools.run(dir, List.of("zsh", "-n", "completions/_posctl"));
            assertEquals(0, r.code(), r.err());
        }
        if (Tools.onPath("fish")) {
            r = Tools.run(dir, List.of("fish", "-n", "completions/posctl.fish"));
            assertEquals(0, r.code(), r.err());
        }
    }

    @Test
    void subcommandsOptionsAndEnumValues() throws Exception {
        assertEquals(List.of("update"), complete("posctl", "upd"));
        assertTrue(complete("posctl", "update", "--job").contains("--job-title"));
        assertEquals(List.of("organization"), complete("posctl", "update", "--audience", "org"));
        assertEquals(List.of("yaml"), complete("posctl", "list", "-o", "y"));
        assertEquals(List.of("seed"), complete("posctl", "get", "--path-style", "s"));
        assertTrue(complete("posctl", "update", "--set", "detail.jobT").contains("detail.jobTitle="));
        assertEquals(List.of("bash"), complete("posctl", "completion", "b"));
    }

    @Test
    void valuesAfterSetPathEquals() throws Exception {
        // bash has split "--set allowedAudiences=org" at '=' into three words
        assertEquals(List.of("organization"), complete("posctl", "update", "--set", "allowedAudiences", "=", "org"));
        assertEquals(List.of("true", "false"), complete("posctl", "update", "--set", "isCurrent", "="));
        assertEquals(List.of(), complete("posctl", "update", "--set", "detail.jobTitle", "=", "x"));
    }

    @Test
    void filesAfterDashF() throws Exception {
        assertEquals(List.of("edits", "edits.yaml"), complete("posctl", "validate", "-f", "edi"));
    }

    @Test
    void userIdsComeFromPosctlComplete() throws Exception {
        assertEquals(List.of("adele@contoso.com", "alex@contoso.com"), complete("posctl", "list", "--user", "a"));
        assertEquals("__complete", Files.readString(dir.resolve("bin/called")).trim());
        assertEquals("posctl list --user a", Files.readString(dir.resolve("bin/line")).trim());
    }

    @Test
    void aTokenOnTheLineNeverReachesAProcesssArguments() throws Exception {
        complete("posctl", "list", "--token", "s3cret-token", "--user", "a");
        assertEquals("__complete", Files.readString(dir.resolve("bin/called")).trim());
        assertEquals("posctl list --token s3cret-token --user a", Files.readString(dir.resolve("bin/line")).trim());
    }

    @Test
    void zshCompletesFromTheScriptInFpath() throws Exception {
        assumeTrue(Tools.onPath("zsh"), "zsh is not installed");
        // an interactive zsh in a pseudo-terminal, the script autoloaded from $fpath as _posctl
        String script = "zmodload zsh/zpty || exit 3\n"
            + "zpty z 'PS1=\"> \" zsh -f -i'\n"
            + "zpty -w z 'fpath=(" + dir.resolve("completions") + " $fpath); autoload -U compinit && compinit -u -D'\n"
            + "zpty -w -n z $'posctl up\\t'\n"
            + "out=''\nfor i in {1..50}; do\n  sleep 0.1\n  while zpty -r -t z chunk; do out+=$chunk; done\n"
            + "  [[ $out == *'posctl update'* ]] && break\ndone\n"
            + "zpty -d z\nprint -r -- \"$out\"\n";
        Tools.Run r = Tools.run(dir, List.of("zsh", "-f", "-c", script));
        assumeTrue(r.code() != 3, "zsh has no zpty module");
        assertTrue(r.out().contains("posctl update"), r.out());
    }

    private List<String> complete(String... words) throws Exception {
        assumeTrue(Tools.onPath("bash"), "bash is not installed");
        StringBuilder arr = new StringBuilder();
        for (String w : words) {
            arr.append(" '").append(w.replace("'", "'\\''")).append("'");
        }
        String script = "source completions/posctl.bash\n"
            + "COMP_WORDS=(" + arr + ")\n"
            + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
            + "COMP_LINE=\"" + String.join(" ", words).replace("\"", "\\\"") + "\"\n"
            + "COMP_POINT=${#COMP_LINE}\n"
            + "_posctl_complete posctl 2>/dev/null\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Tools.Run r = Tools.run(dir, List.of("bash", "-c", script),
            Map.of("PATH", dir.resolve("bin") + ":" + System.getenv("PATH")));
        assertEquals(0, r.code(), r.err());
        return r.out().isEmpty() || r.out().equals("\n") ? List.of() : List.of(r.out().split("\n"));
    }
}
