package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up stays lean: the packaged jar, run with -Xlog:class+load, must not load the HTTP client,
 * YAML, JLine or the sandbox server for commands that do not need them.
 */
class ClassLoadingIT {
    /** Packages that --version, --help and validate of JSON have no business loading. */
    static final List<String> HEAVY = List.of("java.net.http.", "jdk.internal.net.http.", "org.yaml.snakeyaml.",
        "org.jline.", "dev.posctl.sandbox.", "com.sun.net.httpserver.", "sun.net.httpserver.");

    static final String EDIT = "{\"userId\":\"adele@contoso.com\",\"id\":\"7dc1f91d\",\"detail\":{\"jobTitle\":\"PM\"}}\n";

    static final Pattern LOADED = Pattern.compile("\\[class,load\\s*\\] (\\S+) source:");

    @TempDir
    Path dir;

    List<String> loadedBy(String... args) throws IOException, InterruptedException {
        return loadedBy(Map.of(), args);
    }

    List<String> loadedBy(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("classes-" + System.nanoTime() + ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xshare:auto", "-Xlog:class+load=info:file=" + log, "-jar",
            Path.of(System.getProperty("posctl.jar", "target/posctl.jar")).toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
            .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "posctl finished");
        assertEquals(0, p.exitValue(), () -> String.join(" ", args) + ": " + read("err"));
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                classes.add(m.group(1));
            }
        }
        assertTrue(classes.contains("dev.posctl.cli.Main"), "the log names the classes loaded: " + classes.size());
        return classes;
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return e.toString();
        }
    }

    static List<String> heavy(List<String> classes, List<String> prefixes) {
        return classes.stream().filter(c -> prefixes.stream().anyMatch(c::startsWith)).collect(Collectors.toList());
    }

    @Test
    void versionLoadsNothingHeavyNorTheCommandTree() throws Exception {
        List<String> classes = loadedBy("--version");
        assertEquals(List.of(), heavy(classes, HEAVY));
        assertEquals(List.of(), heavy(classes, List.of("dev.posctl.cli.UpdateCommand", "com.fasterxml.jackson.", "picocli.")));
    }

    /**
     * Commands are built by CommandSpecs without reading annotations: no annotation proxy class (one
     * per annotation type, made at run time; on Java 25 some 40-50 ms of a start) and no reflection.
     */
    @Test
    void validatingMakesNoAnnotationProxy() throws Exception {
        Files.writeString(dir.resolve("x.json"), EDIT);
        List<String> classes = loadedBy("validate", "-f", "x.json", "--job-title", "Lead");
        assertTrue(classes.contains("dev.posctl.cli.ValidateCommand"), "the control: the command was built");
        assertEquals(List.of(), classes.stream().filter(c -> c.contains("$Proxy")).collect(Collectors.toList()));
    }

    @Test
    void helpLoadsNothingHeavy() throws Exception {
        assertEquals(List.of(), heavy(loadedBy("--help"), HEAVY));
    }

    @Test
    void validatingJsonLoadsNothingHeavy() throws Exception {
        Files.writeString(dir.resolve("x.json"), EDIT);
        assertEquals(List.of(), heavy(loadedBy("validate", "-f", "x.json"), HEAVY));
    }

    /**
     * An update's start-up budget has no room for Jackson's ObjectMapper (its set-up alone took 70 ms),
     * SecureRandom (request ids), the time-zone rules or the locale data a Formatter loads.
     */
    @Test
    void anUpdateLoadsOnlyWhatItSends() throws Exception {
        SandboxServer sandbox = SandboxServer.start(SandboxOptions.inMemory());
        try {
            List<String> classes = loadedBy(Map.of("POSCTL_ENDPOINT", sandbox.baseUri().toString(), "POSCTL_TOKEN", "t"),
                "update", "--user", "adele@contoso.com", "--current", "--job-title", "Principal PM");
            assertTrue(classes.contains("jdk.internal.net.http.HttpClientImpl"), "the control: the update went over HTTP");
            List<String> unwanted = List.of("com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.databind.json.JsonMapper",
                "java.security.SecureRandom", "sun.util.calendar.ZoneInfoFile", "java.util.Formatter", "java.text.DecimalFormatSymbols");
            assertEquals(List.of(), classes.stream().filter(unwanted::contains).collect(Collectors.toList()));
            assertEquals(List.of(), heavy(classes, List.of("org.yaml.snakeyaml.", "org.jline.", "dev.posctl.sandbox.")));
        } finally {
            sandbox.close();
        }
    }

    /**
     * With nothing configured an update goes to the embedded sandbox, in the same JVM: that sandbox,
     * and with it the start-up cache trained on it, needs no ObjectMapper (~300 classes) either.
     */
    @Test
    void anUpdateOfTheEmbeddedSandboxLoadsNoObjectMapper() throws Exception {
        List<String> classes = loadedBy("update", "--user", "adele@contoso.com", "--current", "--job-title", "Principal PM");
        assertTrue(classes.contains("dev.posctl.sandbox.SandboxServer"), "the control: the embedded sandbox answered");
        assertEquals(List.of(), classes.stream().filter(c -> c.startsWith("com.fasterxml.jackson.databind.ObjectMapper")
            || c.startsWith("com.fasterxml.jackson.databind.ser.") || c.startsWith("com.fasterxml.jackson.databind.deser."))
            .collect(Collectors.toList()));
    }

    @Test
    void validatingYamlLoadsYamlButNothingElseHeavy() throws Exception {
        // the control: the same check sees SnakeYAML when a YAML input is read
        Files.writeString(dir.resolve("x.yaml"), "userId: adele@contoso.com\nid: 7dc1f91d\ndetail:\n  jobTitle: PM\n");
        List<String> classes = loadedBy("validate", "-f", "x.yaml");
        assertTrue(classes.stream().anyMatch(c -> c.startsWith("org.yaml.snakeyaml.")), "YAML read with SnakeYAML");
        List<String> others = new ArrayList<>(HEAVY);
        others.remove("org.yaml.snakeyaml.");
        assertEquals(List.of(), heavy(classes, others));
    }
}
