package dev.posctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's shell commands are a test: every command of a ```sh block (README.md and any
 * examples/*.md) runs, in order, in one bash against a fresh sandbox in a temporary HOME, with
 * {@code posctl} on PATH running the compiled classes. The line after a command says what it must do:
 *
 * <pre>
 * # =&gt; exit 0; stdout: TEXT; stderr: TEXT     exit code, and text each stream must contain
 * # =&gt; background; stdout: TEXT               started with &amp;; the run waits until stdout shows TEXT
 * # =&gt; skipped: REASON                        cannot run here (Microsoft sign-in, Maven itself)
 * </pre>
 *
 * A command without such a line fails the test, so a README edit cannot leave one unchecked. The
 * README's first block stays two bare commands (CI and people copy them as they are): their
 * expectations live in {@link #FIRST_BLOCK}. Port 8080 in commands and expectations becomes a
 * free port, so the test never collides with another server on this machine.
 */
class ReadmeCommandsTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final String BUILD_AND_RUN = "mvn -B -q package -DskipTests && java -jar target/posctl.jar ";
    static final Map<String, String> FIRST_BLOCK = Map.of(
        BUILD_AND_RUN + "update --user adele@contoso.com --current --job-title \"Principal PM\" -o table",
        "exit 0; stdout: updated; stderr: 1 updated",
        "mvn -B verify", "skipped: the build that runs this test");

    @TempDir
    Path dir;

    record Expectation(boolean skipped, boolean background, int exit, String stdout, String stderr) {
        static Expectation parse(String spec, String where) {
            String s = spec.trim();
            if (s.startsWith("skipped:")) {
                return new Expectation(true, false, 0, null, null);
            }
            boolean background = false;
            Integer exit = null;
            String out = null;
            String err = null;
            for (String part : s.split("; ")) {
                if (part.equals("background")) {
                    background = true;
                } else if (part.matches("exit \\d+")) {
                    exit = Integer.parseInt(part.substring(5));
                } else if (part.startsWith("stdout: ")) {
                    out = part.substring(8);
                } else if (part.startsWith("stderr: ")) {
                    err = part.substring(8);
                } else {
                    throw new AssertionError(where + ": cannot read the expectation part '" + part + "' in '# => " + spec + "'");
                }
            }
            if (background == (exit != null)) {
                throw new AssertionError(where + ": an expectation names either 'exit N' or 'background': '# => " + spec + "'");
            }
            return new Expectation(false, background, exit == null ? 0 : exit, out, err);
        }
    }

    record Command(String where, String text, Expectation expected) {}

    /** The commands of every ```sh block in the file, with what each must do. */
    static List<Command> commands(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = ROOT.relativize(file).toString();
        List<Command> out = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!inBlock) {
                inBlock = line.equals("```sh");
                continue;
            }
            if (line.startsWith("```")) {
                inBlock = false;
                continue;
            }
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            String where = name + ":" + (i + 1);
            StringBuilder text = new StringBuilder(line);
            while (line.endsWith("\\") && i + 1 < lines.size()) {
                line = lines.get(++i);
                text.append('\n').append(line);
            }
            String command = text.toString();
            String next = i + 1 < lines.size() ? lines.get(i + 1).trim() : "";
            Expectation e;
            if (next.startsWith("# =>")) {
                e = Expectation.parse(next.substring(4), where);
                i++;
            } else if (FIRST_BLOCK.containsKey(command)) {
                e = Expectation.parse(FIRST_BLOCK.get(command), where);
                if (command.startsWith(BUILD_AND_RUN)) {
                    command = "posctl " + command.substring(BUILD_AND_RUN.length());  // built already: its java part
                }
            } else {
                throw new AssertionError(where + ": the command has no '# => exit N...' (or skipped: REASON) line after it: " + command);
            }
            out.add(new Command(where, command, e));
        }
        return out;
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("examples"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @Test
    void everyExampleFileIsShownByACommand() throws IOException {
        List<Command> all = new ArrayList<>();
        for (Path doc : documents()) {
            all.addAll(commands(doc));
        }
        try (Stream<Path> s = Files.list(ROOT.resolve("examples"))) {
            for (Path f : s.filter(p -> !p.toString().endsWith(".md")).toList()) {
                String name = "examples/" + f.getFileName();
                assertTrue(all.stream().anyMatch(c -> !c.expected().skipped() && c.text().contains(name)),
                    name + " is not used by any command the README runs: show it with its outcome, or remove it");
            }
        }
    }

    @Test
    void theReadmeCommandsDoWhatTheReadmeSays() throws Exception {
        List<Command> commands = new ArrayList<>();
        for (Path doc : documents()) {
            commands.addAll(commands(doc));
        }
        String port = Integer.toString(freePort());
        copy(ROOT.resolve("examples"), dir.resolve("work/examples"));
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path posctl = bin.resolve("posctl");
        Files.writeString(posctl, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -cp '" + classPath()
            + "' dev.posctl.cli.Main \"$@\"\n");
        assertTrue(posctl.toFile().setExecutable(true));

        StringBuilder script = new StringBuilder("cd work\ntrap 'kill $(jobs -p) 2>/dev/null; wait' EXIT\n");
        for (int i = 0; i < commands.size(); i++) {
            Command c = commands.get(i);
            if (c.expected().skipped()) {
                continue;
            }
            script.append("{ ").append(c.text().replace("8080", port)).append("\n} >../out.").append(i)
                .append(" 2>../err.").append(i).append(" </dev/null\n");
            if (c.expected().background()) {
                // a person waits for the line before the next command; so does the test (at most 30 s)
                String ready = c.expected().stdout() == null ? "" : c.expected().stdout().replace("8080", port);
                script.append("for t in $(seq 300); do grep -qF -- '").append(ready.replace("'", "'\\''"))
                    .append("' ../out.").append(i).append(" && break; sleep 0.1; done\n");
            } else {
                script.append("echo $? >../rc.").append(i).append('\n');
            }
        }
        Files.writeString(dir.resolve("readme.sh"), script.toString());

        ProcessBuilder pb = new ProcessBuilder("bash", dir.resolve("readme.sh").toString()).directory(dir.toFile())
            .redirectErrorStream(true).redirectOutput(dir.resolve("bash.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("POSCTL_") || k.startsWith("XDG_") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("HOME", dir.toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("XDG_DATA_HOME", dir.resolve("data").toString());
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("TMPDIR", dir.toString());
        env.put("NO_COLOR", "1");
        env.put("POSCTL_CDS", "off");
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        Files.createDirectories(dir.resolve("work"));
        Process bash = pb.start();
        try {
            if (!bash.waitFor(120, TimeUnit.SECONDS)) {
                fail("the README's commands did not finish in 120 s: " + Files.readString(dir.resolve("bash.log")));
            }
        } finally {
            bash.descendants().forEach(ProcessHandle::destroyForcibly);
            bash.destroyForcibly();
        }

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            Command c = commands.get(i);
            if (c.expected().skipped()) {
                continue;
            }
            String out = read(dir.resolve("out." + i));
            String err = read(dir.resolve("err." + i));
            List<String> wrong = new ArrayList<>();
            if (!c.expected().background()) {
                String rc = read(dir.resolve("rc." + i)).trim();
                if (!rc.equals(Integer.toString(c.expected().exit()))) {
                    wrong.add("exit " + (rc.isEmpty() ? "(none)" : rc) + ", expected " + c.expected().exit());
                }
            }
            if (c.expected().stdout() != null && !out.contains(c.expected().stdout().replace("8080", port))) {
                wrong.add("stdout lacks '" + c.expected().stdout() + "'");
            }
            if (c.expected().stderr() != null && !err.contains(c.expected().stderr().replace("8080", port))) {
                wrong.add("stderr lacks '" + c.expected().stderr() + "'");
            }
            if (!wrong.isEmpty()) {
                failures.add(c.where() + ": " + c.text() + "\n  " + String.join("; ", wrong) + "\n  --- stdout\n" + clip(out)
                    + "\n  --- stderr\n" + clip(err));
            }
        }
        if (!failures.isEmpty()) {
            fail("README commands that do not do what the README says:\n" + String.join("\n", failures)
                + "\n--- bash\n" + read(dir.resolve("bash.log")));
        }
        assertEquals(List.of(), failures);
    }

    /** The test class path (surefire names it), which holds posctl's classes and its libraries. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    private static String clip(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }
}
