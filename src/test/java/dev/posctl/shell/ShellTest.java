package dev.posctl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.cli.Cli;
import dev.posctl.cli.CommandLineFactory;
import dev.posctl.complete.Completer;
import dev.posctl.complete.IdCache;
import dev.posctl.docs.ModelExport;
import dev.posctl.schema.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellTest {
    @TempDir
    Path dir;

    @Test
    void pipedCommandsRunInOneSandboxAndAnErrorDoesNotEndTheSession() {
        var r = new Cli(dir).stdin("list --user adele@contoso.com -o json\n"
            + "get --user adele@contoso.com --id no-such-id\n"
            + "update --user adele@contoso.com --id 7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d --job-title Shelled -o json -q\n"
            + "get --user adele@contoso.com --id 7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d -o json\n"
            + "exit\nlist --user never@x\n").run("shell");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("no-such-id"), r.toString());
        assertTrue(r.out().contains("\"jobTitle\" : \"Shelled\"") || r.out().contains("\"jobTitle\":\"Shelled\""), r.toString());
        assertTrue(!r.out().contains("posctl["), "no prompt when piped");
        assertEquals(1, r.err().split("embedded sandbox", -1).length - 1, "one sandbox for the session:\n" + r.err());
        assertTrue(!r.err().contains("never@x"), "nothing runs after exit");
    }

    @Test
    void terminalShellCompletesWithTabAndKeepsHistory() throws Exception {
        Path history = dir.resolve("state/posctl/history");
        IdCache cache = new IdCache(dir.resolve("state/posctl/completion-ids.json"));
        cache.remember("adele@contoso.com", List.of("7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d"));
        String typed = "schema detail.com\t\n" // Tab: detail.company.
            + "get --user adele@contoso.com --id 7dc\t\n"
            + "update --aud\torg\t\n"
            + "exit\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var env = new Cli(dir).environment();
        try (ShellSession session = ShellSession.open(env, null);
             PositionIds ids = new PositionIds(cache, dir, u -> List.of(), 50)) {
            Completer completer = new Completer(ModelExport.of(CommandLineFactory.neutral().getCommandSpec()), Schema.get(), ids);
            TerminalShell.run(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), out, session::prompt, completer,
                cache, history, (o, e) -> words -> CommandLineFactory.create(session.env(), session.local(), o, e).execute(words.toArray(new String[0])));
        }
        String screen = out.toString(StandardCharsets.UTF_8);
        assertTrue(screen.contains("posctl[default:sandbox]> "), screen);
        List<String> lines = Files.readAllLines(history).stream().map(l -> l.replaceFirst("^\\d+:", "")).toList();
        assertTrue(lines.contains("schema detail.company."), lines.toString());
        assertTrue(lines.contains("get --user adele@contoso.com --id 7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d"), lines.toString());
        assertTrue(lines.contains("update --audience organization"), lines.toString());
        assertTrue(screen.contains("Shown") || screen.contains("7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d"), screen);
        assertTrue(screen.contains("no edits given") || screen.contains("posctl:"), "update errors and the shell went on: " + screen);
    }

    @Test
    void historyKeepsNoSecretsAndOnlyItsOwnerMayReadIt() throws Exception {
        Path history = dir.resolve("state/posctl/history");
        // as an older posctl left it: open to everyone, with a token in it
        Files.createDirectories(history.getParent());
        Files.writeString(history, "1700000000000:list --token eyJold.old.old\n1700000000001:schema isCurrent\n");
        Files.setPosixFilePermissions(history.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(history, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        IdCache cache = new IdCache(dir.resolve("state/posctl/completion-ids.json"));
        String typed = "schema isCurrent --token eyJnew.secret.one\n"
            + "schema isCurrent --client-secret=hunter2 -q\n"
            + "config set clientSecret s3cr3tValue\n"
            + "exit\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var env = new Cli(dir).environment();
        try (ShellSession session = ShellSession.open(env, null);
             PositionIds ids = new PositionIds(cache, dir, u -> List.of(), 50)) {
            Completer completer = new Completer(ModelExport.of(CommandLineFactory.neutral().getCommandSpec()), Schema.get(), ids);
            TerminalShell.run(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), out, session::prompt, completer,
                cache, history, (o, e) -> words -> CommandLineFactory.create(session.env(), session.local(), o, e).execute(words.toArray(new String[0])));
        }
        String text = Files.readString(history);
        for (String secret : List.of("eyJold", "eyJnew", "hunter2", "s3cr3tValue")) {
            assertTrue(!text.contains(secret), secret + " in the history:\n" + text);
        }
        List<String> lines = Files.readAllLines(history).stream().map(l -> l.replaceFirst("^\\d+:", "")).toList();
        assertTrue(lines.contains("list --token ***"), lines.toString());
        assertTrue(lines.contains("schema isCurrent --token ***"), lines.toString());
        assertTrue(lines.contains("schema isCurrent --client-secret=*** -q"), lines.toString());
        assertTrue(lines.contains("config set clientSecret ***"), lines.toString());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(history.getParent())));
    }

    @Test
    void aNewHistoryIsCreatedPrivate() throws Exception {
        Path history = dir.resolve("fresh/posctl/history");
        IdCache cache = new IdCache(dir.resolve("ids.json"));
        var env = new Cli(dir).environment();
        try (ShellSession session = ShellSession.open(env, null);
             PositionIds ids = new PositionIds(cache, dir, u -> List.of(), 50)) {
            Completer completer = new Completer(ModelExport.of(CommandLineFactory.neutral().getCommandSpec()), Schema.get(), ids);
            TerminalShell.run(new ByteArrayInputStream("schema isCurrent\nexit\n".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), session::prompt, completer, cache, history,
                (o, e) -> words -> CommandLineFactory.create(session.env(), session.local(), o, e).execute(words.toArray(new String[0])));
        }
        assertTrue(Files.readString(history).contains("schema isCurrent"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(history.getParent())));
    }

    @Test
    void ctrlCDropsTheLineAndCtrlDLeaves() throws Exception {
        Path history = dir.resolve("state/posctl/history");
        IdCache cache = new IdCache(dir.resolve("state/posctl/completion-ids.json"));
        String typed = "schema dropped\u0003" + "schema isCurrent\n" + "\u0004";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var env = new Cli(dir).environment();
        int[] code = {-1};
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
            try (ShellSession session = ShellSession.open(env, null);
                 PositionIds ids = new PositionIds(cache, dir, u -> List.of(), 50)) {
                Completer completer = new Completer(ModelExport.of(CommandLineFactory.neutral().getCommandSpec()), Schema.get(), ids);
                code[0] = TerminalShell.run(new Typist(typed), out, session::prompt,
                    completer, cache, history, (o, e) -> words -> CommandLineFactory.create(session.env(), session.local(), o, e).execute(words.toArray(new String[0])));
            }
        }, "Ctrl-D on an empty line ends the shell");
        List<String> lines = Files.readAllLines(history).stream().map(l -> l.replaceFirst("^\\d+:", "")).toList();
        assertTrue(lines.contains("schema isCurrent"), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("dropped")), "Ctrl-C dropped the line: " + lines);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"path\":\"isCurrent\""), "the next line ran: " + out.toString(StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertEquals(0, code[0]);
    }

    @Test
    void positionIdsFetchedInTheBackgroundNeverBlockTab() throws Exception {
        IdCache cache = new IdCache(dir.resolve("ids.json"));
        var gate = new java.util.concurrent.CountDownLatch(1);
        try (PositionIds ids = new PositionIds(cache, dir, u -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of("p1");
        }, 50)) {
            long t0 = System.nanoTime();
            assertEquals(List.of(), ids.positions("u@x"), "a slow fetch offers the cache");
            assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
            gate.countDown();
            for (int i = 0; i < 100 && cache.positions("u@x").isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertEquals(List.of("p1"), ids.positions("u@x"));
            assertEquals(List.of("p1"), cache.positions("u@x"));
        }
    }

    /** Types like a person, a key at a time, so the shell is reading a line when Ctrl-C comes. */
    static final class Typist extends java.io.InputStream {
        private final byte[] keys;
        private int next;

        Typist(String text) {
            this.keys = text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() throws java.io.IOException {
            if (next >= keys.length) {
                return -1;
            }
            try {
                // the interrupt key waits until the shell is surely reading a line, even on a slow machine
                Thread.sleep(next == 0 ? 300 : keys[next] == 3 ? 1500 : 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
            return keys[next++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }
}
