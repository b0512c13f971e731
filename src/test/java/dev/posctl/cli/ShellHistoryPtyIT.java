package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's shell on a real pseudo-terminal (util-linux {@code script}), as a person uses
 * it: JLine on the system terminal, history written where XDG_STATE_HOME says.
 */
class ShellHistoryPtyIT {
    private static final String PROMPT = "posctl[default:sandbox]> ";

    @TempDir
    Path dir;

    @Test
    void theHistoryOnATerminalKeepsNoTokenAndOnlyItsOwnerMayReadIt() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1) from util-linux");
        Path history = dir.resolve("state/posctl/history");
        Files.createDirectories(history.getParent());
        Files.writeString(history, "1700000000000:list --token=eyJold.old.old\n");
        Files.setPosixFilePermissions(history.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r--r--"));

        String java = PackagedJar.command(null, "shell").stream().map(ShellHistoryPtyIT::quote).collect(Collectors.joining(" "));
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", "stty cols 120 rows 40; exec " + java, "/dev/null")
            .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("POSCTL_") || k.startsWith("XDG_"));
        pb.environment().put("HOME", dir.toString());
        for (String x : List.of("STATE", "CONFIG", "DATA", "CACHE")) {
            pb.environment().put("XDG_" + x + "_HOME", dir.resolve(x.toLowerCase()).toString());
        }
        Process p = pb.start();
        StringBuffer screen = new StringBuffer();
        Thread reader = new Thread(() -> copy(p.getInputStream(), screen));
        reader.setDaemon(true);
        reader.start();
        try {
            OutputStream keys = p.getOutputStream();
            awaitPrompts(screen, 1);
            keys.write("schema isCurrent --token eyJnew.pty.secret\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            awaitPrompts(screen, 2);
            keys.write("exit\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the shell ended: " + screen);
        } finally {
            p.destroyForcibly();
        }
        String text = Files.readString(history);
        assertFalse(text.contains("eyJnew") || text.contains("eyJold"), "a token in the history:\n" + text);
        assertTrue(text.contains(":schema isCurrent --token ***\n"), text);
        assertTrue(text.contains(":list --token=***\n"), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history.getParent())));
    }

    private static void awaitPrompts(StringBuffer screen, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (screen.toString().split(java.util.regex.Pattern.quote(PROMPT), -1).length - 1 < count) {
            assertTrue(System.nanoTime() < deadline, "no prompt " + count + " on the terminal: " + screen);
            Thread.sleep(50);
        }
    }

    private static void copy(InputStream in, StringBuffer to) {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                to.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
