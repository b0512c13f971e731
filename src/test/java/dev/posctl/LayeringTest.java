package dev.posctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture, read off the sources: picocli stays in the command layer, nothing depends on
 * the command layer, the API client never reaches into the sandbox server, and packages form no cycle.
 */
class LayeringTest {
    static final Path MAIN = Path.of("src/main/java/dev/posctl");
    static final Set<String> PICOCLI_ALLOWED = Set.of("cli", "docs");
    static final Set<String> CLIENT = Set.of("api", "run", "http", "auth");
    // imports and fully qualified names alike
    static final Pattern POSCTL = Pattern.compile("\\bdev\\.posctl\\.([a-z]+)\\.[A-Z]");
    static final Pattern PICOCLI = Pattern.compile("^import (static )?picocli\\.", Pattern.MULTILINE);

    @Test
    void packagesKeepToTheirLayers() throws IOException {
        List<String> broken = new ArrayList<>();
        Map<String, Set<String>> uses = uses(broken);
        uses.forEach((pkg, deps) -> {
            if (!pkg.equals("cli") && deps.contains("cli")) {
                broken.add(pkg + " uses cli: the command layer is on top, nothing depends on it");
            }
            if (CLIENT.contains(pkg) && deps.contains("sandbox")) {
                broken.add(pkg + " uses sandbox: the client reaches the embedded sandbox through an endpoint provider");
            }
        });
        for (String pkg : uses.keySet()) {
            List<String> cycle = cycleFrom(pkg, pkg, uses, new ArrayList<>(List.of(pkg)), new TreeSet<>());
            if (cycle != null) {
                broken.add("cycle: " + String.join(" -> ", cycle));
            }
        }
        assertEquals(List.of(), broken);
    }

    private static Map<String, Set<String>> uses(List<String> broken) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(file).getName(0).toString();
                String text = Files.readString(file);
                Set<String> deps = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = POSCTL.matcher(text);
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        deps.add(m.group(1));
                    }
                }
                if (!PICOCLI_ALLOWED.contains(pkg) && PICOCLI.matcher(text).find()) {
                    broken.add(MAIN.relativize(file) + " imports picocli: only cli and docs may");
                }
            }
        }
        return uses;
    }

    /** A path from {@code at} back to {@code start}, or null. */
    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> uses, List<String> path, Set<String> seen) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, uses, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }
}
