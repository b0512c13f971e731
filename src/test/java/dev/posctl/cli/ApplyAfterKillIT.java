package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HR-file round trip on the packaged jar against {@code posctl sandbox serve} with chaos: export
 * 2,000 users, change 10% of the files, plan exactly those changes, apply them with a SIGKILL midway,
 * finish with --resume (nothing lost, nothing made twice), plan nothing after, and undo back to the export.
 */
class ApplyAfterKillIT {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Compared by content: a created position's fields may come back in the server's order. */
    static final ObjectMapper SORTED = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    static final int USERS = 2000;

    @TempDir
    Path dir;
    PackagedJar.Sandbox sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = PackagedJar.sandbox("--demo-users", Integer.toString(USERS), "--chaos", "throttle=0.03,latency=4ms..12ms,retryAfter=0.05",
            "--seed", "16");
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    ProcessBuilder posctl(String name, String... args) {
        ProcessBuilder pb = new ProcessBuilder(PackagedJar.command(null, args)).directory(dir.toFile())
            .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
        pb.environment().put("POSCTL_ENDPOINT", sandbox.url());
        pb.environment().put("POSCTL_TOKEN", "t");
        return pb;
    }

    /** Runs a command to its end; returns its exit code (stdout and stderr are in NAME.out and NAME.err). */
    int run(String name, String... args) throws Exception {
        long start = System.nanoTime();
        Process p = posctl(name, args).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), name + " did not finish");
        System.out.println(name + ": exit " + p.exitValue() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return p.exitValue();
    }

    String err(String name) throws Exception {
        return Files.readString(dir.resolve(name + ".err"));
    }

    @Test
    void exportEditPlanApplyKillResumeAndUndo() throws Exception {
        assertEquals(0, run("export", "export", "--all-users", "--dir", "export", "-o", "json", "--progress", "off"), err("export"));
        TreeMap<String, List<String>> exported = exported();
        assertEquals(USERS + 3, exported.size());

        // 10% of the files: titles changed, a position added, one removed
        copyTree(dir.resolve("export"), dir.resolve("desired"));
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < USERS; i += 10) {
            String user = "user" + i + "@contoso.com";
            Path file = onlyFile(user);
            ObjectNode doc = (ObjectNode) JSON.readTree(file.toFile());
            ArrayNode positions = (ArrayNode) doc.get("positions");
            int k = (i / 10) % 10;
            if (k < 7) {
                ((ObjectNode) positions.get(0).get("detail")).put("jobTitle", "Staff Engineer");
                expected.add("update " + user + " pos-" + i + " detail.jobTitle");
            } else if (k < 9) {
                positions.addObject().putObject("detail").put("jobTitle", "Mentor").put("startMonthYear", "2026-01-01")
                    .putObject("company").put("displayName", "Fabrikam");
                expected.add("create " + user + " - ");
            } else {
                positions.removeAll();
                expected.add("delete " + user + " pos-" + i + " ");
            }
            Files.writeString(file, JSON.writeValueAsString(doc));
        }

        assertEquals(1, run("plan", "apply", "--plan", "--prune", "-f", "desired", "-o", "ndjson"), err("plan"));
        Set<String> planned = new TreeSet<>();
        for (String line : Files.readAllLines(dir.resolve("plan.out"))) {
            JsonNode row = JSON.readTree(line);
            if (!row.get("action").asText().equals("keep")) {
                planned.add(row.get("action").asText() + " " + row.get("user").asText() + " " + row.path("id").asText("-") + " "
                    + row.path("path").asText(""));
            }
        }
        assertEquals(expected, planned, "the plan is exactly the changes made to the files");
        assertTrue(err("plan").contains("plan: 40 to create, 140 to update, " + (USERS + 4 - 160) + " to keep, 20 to delete"), err("plan"));

        // killed midway: some outcomes in the journal, not all
        Path journal = dir.resolve("apply.journal");
        Process apply = posctl("apply", "apply", "--prune", "--yes", "-f", "desired", "--journal", "apply.journal", "--concurrency", "1",
            "--batch-size", "2", "--progress", "off", "-o", "ndjson").start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (outcomes(journal) < 60 && apply.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
        apply.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long recorded = outcomes(journal);
        System.out.println("apply killed with " + recorded + " of 200 outcomes recorded");
        assertTrue(recorded >= 60 && recorded < 200, "killed part-way: " + recorded + "\n" + err("apply"));

        assertEquals(0, run("resume", "apply", "--prune", "--yes", "-f", "desired", "--journal", "apply.journal", "--resume",
            "--progress", "off", "-o", "ndjson"), err("resume"));
        assertEquals(0, run("again", "apply", "--plan", "--prune", "-f", "desired", "-o", "ndjson"), "a second apply plans nothing: "
            + err("again"));
        assertEquals(files("desired"), current(), "every change made once: nothing lost, nothing twice");

        assertEquals(0, run("undo", "undo", "--journal", "apply.journal", "--progress", "off", "-o", "ndjson"), err("undo"));
        assertEquals(exported, current(), "undo restores the export (removed positions come back with new ids)");
    }

    /** Outcome lines in the journal (the lines written before a write are not outcomes). */
    static long outcomes(Path journal) throws Exception {
        if (!Files.exists(journal)) {
            return 0;
        }
        return Files.readAllLines(journal).stream()
            .filter(l -> l.matches(".*\"status\":\"(updated|created|deleted|notFound|unchanged)\".*")).count();
    }

    Path onlyFile(String user) throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("desired"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(user)).findFirst().orElseThrow();
        }
    }

    TreeMap<String, List<String>> exported() throws Exception {
        return files("export");
    }

    /** Each user's positions, without ids and sorted, from one-file-per-user documents. */
    TreeMap<String, List<String>> files(String sub) throws Exception {
        TreeMap<String, List<String>> users = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir.resolve(sub))) {
            for (Path f : s.toList()) {
                add(users, JSON.readTree(f.toFile()));
            }
        }
        return users;
    }

    TreeMap<String, List<String>> current() throws Exception {
        assertEquals(0, run("now", "export", "--all-users", "-o", "ndjson", "--progress", "off"), err("now"));
        TreeMap<String, List<String>> users = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("now.out"))) {
            add(users, JSON.readTree(line));
        }
        return users;
    }

    static void add(TreeMap<String, List<String>> users, JsonNode doc) throws Exception {
        List<String> positions = new ArrayList<>();
        for (JsonNode p : doc.get("positions")) {
            ObjectNode copy = p.deepCopy();
            copy.remove("id");
            positions.add(SORTED.writeValueAsString(JSON.convertValue(copy, Object.class)));
        }
        positions.sort(null);
        users.put(doc.get("userId").asText(), positions);
    }

    static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
