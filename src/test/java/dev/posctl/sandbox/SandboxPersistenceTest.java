package dev.posctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxPersistenceTest {
    @TempDir
    Path dir;

    @Test
    void dataSurvivesRestartAndResetRestoresTheDemo() throws Exception {
        Path file = dir.resolve("nested/deeper/sandbox.json");
        String id;
        try (SandboxServer s = SandboxServer.start(SandboxOptions.builder().dataFile(file).build())) {
            assertTrue(Files.exists(file), "seeded on first use");
            Http http = new Http(s);
            id = http.send("POST", "/users/kept@contoso.com/profile/positions", "{\"detail\":{\"jobTitle\":\"Kept\"}}")
                .json().get("id").asText();
            http.send("PATCH", "/me/profile/positions/" + DemoData.ADELE_CURRENT, "{\"isCurrent\":false}");
        }
        try (SandboxServer s = SandboxServer.start(SandboxOptions.builder().dataFile(file).build())) {
            Http http = new Http(s);
            assertEquals("Kept", http.get("/users/KEPT@contoso.com/profile/positions/" + id).json().at("/detail/jobTitle").asText());
            assertEquals(false, http.get("/me/profile/positions/" + DemoData.ADELE_CURRENT).json().get("isCurrent").asBoolean());
            SandboxStore.reset(file);
            // another writer replaced the file: reads see it without a restart
            assertEquals(404, http.get("/users/kept@contoso.com/profile/positions/" + id).status());
            assertTrue(http.get("/me/profile/positions/" + DemoData.ADELE_CURRENT).json().get("isCurrent").asBoolean());
        }
        try (var files = Files.list(file.getParent())) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "no temp files left behind");
        }
    }

    @Test
    void corruptFileIsReportedWithItsName() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{ not json");
        SandboxDataException e = assertThrows(SandboxDataException.class,
            () -> SandboxServer.start(SandboxOptions.builder().dataFile(file).build()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        Files.writeString(file, "{\"users\": 3}");
        assertThrows(SandboxDataException.class, () -> SandboxStore.open(file));
    }

    @Test
    void twoStoresOnOneFileLoseNoWrites() throws Exception {
        Path file = dir.resolve("shared.json");
        SandboxStore a = SandboxStore.open(file);
        SandboxStore b = SandboxStore.open(file);
        // four writers over two stores: every create must survive the others
        String idA = a.create("shared", body("A")).get("id").asText();
        String idB = b.create("shared", body("B")).get("id").asText();
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            SandboxStore store = t % 2 == 0 ? a : b;
            String id = t < 2 ? idA : idB;
            String tag = "t" + t;
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    // read-modify-write through the store is not atomic, so give each write its own property
                    ObjectNode patch = Http.JSON.createObjectNode();
                    patch.put("isSearchable", i % 2 == 0);
                    store.update("shared", id, patch).orElseThrow();
                    store.create("shared-" + tag, body(tag + "-" + i));
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        SandboxStore fresh = SandboxStore.open(file);
        for (int t = 0; t < 4; t++) {
            assertEquals(perThread, fresh.list("shared-t" + t).size(), "creates of writer t" + t);
        }
        assertEquals(2, fresh.list("shared").size());
        assertEquals(perThread * 2, a.list("shared-t0").size() + b.list("shared-t1").size());
    }

    @Test
    void twoServersOnOneFileLoseNoPatches() throws Exception {
        Path file = dir.resolve("servers.json");
        try (SandboxServer s1 = SandboxServer.start(SandboxOptions.builder().dataFile(file).build());
             SandboxServer s2 = SandboxServer.start(SandboxOptions.builder().dataFile(file).build())) {
            // 40 distinct positions, each PATCHed once through one of the two servers, concurrently
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(new Http(s1).send("POST", "/users/many/profile/positions", "{\"detail\":{\"jobTitle\":\"old\"}}")
                    .json().get("id").asText());
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Http http = new Http(i % 2 == 0 ? s1 : s2);
                String id = ids.get(i);
                jobs.add(pool.submit(() -> http.send("PATCH", "/users/many/profile/positions/" + id,
                    "{\"detail\":{\"jobTitle\":\"new-" + id + "\"}}").status()));
            }
            for (Future<Integer> f : jobs) {
                assertEquals(200, f.get());
            }
            pool.shutdown();
            for (String id : ids) {
                assertEquals("new-" + id, SandboxStore.open(file).get("many", id).orElseThrow().at("/detail/jobTitle").asText());
            }
        }
    }

    @Test
    void twoProcessesOnOneFileLoseNoWrites() throws Exception {
        Path file = dir.resolve("processes.json");
        SandboxStore.reset(file);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            StoreWorker.class.getName(), file.toString(), "other", "60").redirectErrorStream(true).start();
        // start writing only once the other JVM is writing, so the two really overlap
        SandboxStore watcher = SandboxStore.open(file);
        long deadline = System.currentTimeMillis() + 20_000;
        while (watcher.list("other").isEmpty() && other.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        StoreWorker.main(new String[] {file.toString(), "here", "30"});
        assertEquals(0, other.waitFor(), new String(other.getInputStream().readAllBytes()));
        SandboxStore fresh = SandboxStore.open(file);
        assertEquals(30, fresh.list("here").size());
        assertEquals(60, fresh.list("other").size());
    }

    private static ObjectNode body(String title) {
        ObjectNode o = Http.JSON.createObjectNode();
        o.putObject("detail").put("jobTitle", title);
        return o;
    }
}
