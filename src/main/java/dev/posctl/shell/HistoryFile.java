package dev.posctl.shell;

import dev.posctl.config.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell's history file, readable by its owner only: the directory 0700 and the file 0600, made
 * so when created and put right when an older posctl left them open (0755 and 0644). Secrets that
 * an older posctl wrote into it are masked when the shell opens it.
 */
final class HistoryFile {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** JLine writes each entry as "epoch-millis:line". */
    private static final Pattern ENTRY = Pattern.compile("(\\d+:)?(.*)");

    private HistoryFile() {}

    static void prepare(Path history) throws IOException {
        Path dir = history.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir);
            } catch (FileAlreadyExistsException e) {
                // another shell made it at the same moment
            }
        }
        restrict(dir, DIR);
        if (Files.exists(history)) {
            restrict(history, FILE);
            scrubOldEntries(history);
        } else {
            try {
                Files.createFile(history, PosixFilePermissions.asFileAttribute(FILE));
            } catch (UnsupportedOperationException e) {
                Files.createFile(history);
            } catch (FileAlreadyExistsException e) {
                restrict(history, FILE);
            }
        }
    }

    /** Only our own files: chmod on another user's file fails, and then it stays as it is. */
    private static void restrict(Path p, Set<PosixFilePermission> perms) {
        try {
            if (!Files.getPosixFilePermissions(p).equals(perms)) {
                Files.setPosixFilePermissions(p, perms);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not POSIX (Windows: the profile directory is private already), or not ours
        }
    }

    private static void scrubOldEntries(Path history) throws IOException {
        List<String> lines = Files.readAllLines(history, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        for (String line : lines) {
            Matcher m = ENTRY.matcher(line);
            m.matches();
            String prefix = m.group(1) == null ? "" : m.group(1);
            String scrubbed = prefix + HistoryScrubber.scrub(m.group(2));
            changed |= !scrubbed.equals(line);
            out.append(scrubbed).append('\n');
        }
        if (changed) {
            PrivateFiles.writeAtomically(history, out.toString());
        }
    }
}
