package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real process and a real SIGTERM while login waits for the person at the other device. */
class LoginSignalIT {
    @TempDir
    Path dir;

    @Test
    void sigtermWhileWaitingForTheSignInEndsWith130AndSavesNothing() throws Exception {
        try (RecordingServer idp = new RecordingServer()) {
            idp.then(Answer.json(200, "{\"device_code\":\"dc\",\"user_code\":\"U\",\"verification_uri\":\"https://v\",\"expires_in\":900,"
                + "\"interval\":1,\"message\":\"enter the code U\"}"))
                .fallback(r -> Answer.json(400, "{\"error\":\"authorization_pending\"}"));
            ProcessBuilder pb = new ProcessBuilder(PackagedJar.command(null, "login", "--client-id", "cid"))
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("POSCTL_") || k.startsWith("XDG_"));
            env.put("HOME", dir.toString());
            env.put("POSCTL_AUTHORITY", idp.base().replace("/beta", ""));
            Process p = pb.start();
            try {
                long deadline = System.currentTimeMillis() + 30_000;
                while (idp.requests().size() < 2 && System.currentTimeMillis() < deadline && p.isAlive()) {
                    Thread.sleep(50);
                }
                assertTrue(idp.requests().size() >= 2, () -> "polling started: " + read("err"));
                p.destroy();  // SIGTERM
                assertTrue(p.waitFor(15, TimeUnit.SECONDS), "ended");
                assertEquals(130, p.exitValue(), () -> read("err"));
                assertTrue(read("err").contains("posctl: interrupted"), () -> read("err"));
                assertFalse(Files.exists(dir.resolve(".local/state/posctl/tokens/default.json")), "nothing saved");
            } finally {
                p.destroyForcibly();
            }
        }
    }

    String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (java.io.IOException e) {
            return "(" + name + " unreadable)";
        }
    }
}
