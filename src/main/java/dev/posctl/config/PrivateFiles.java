package dev.posctl.config;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner may read (the config, token caches), written to a temporary file in the
 * same directory and renamed over the old one, so a crash never leaves half a file behind. A
 * symbolic link (a config kept in a dotfiles repository) is written through: the rename replaces
 * its target, and the link stays.
 */
public final class PrivateFiles {
    private static final int MAX_LINKS = 40;

    private PrivateFiles() {}

    public static void writeAtomically(Path file, String text) {
        Path temp = null;
        try {
            Path target = followLinks(file);
            Path dir = target.getParent();
            createPrivateDirectories(dir);
            temp = createPrivate(dir, "." + target.getFileName() + ".");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new PosctlException(ExitCode.CONFIG, "cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the original file is intact either way
                }
            }
        }
    }

    /** The file a chain of symbolic links ends at, which may not exist yet (a dangling link is written through too). */
    private static Path followLinks(Path file) throws IOException {
        Path p = file.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException("too many levels of symbolic links");
            }
            p = p.getParent().resolve(Files.readSymbolicLink(p));
        }
        return p;
    }

    private static Path createPrivate(Path dir, String prefix) throws IOException {
        try {
            return Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, prefix, ".tmp");
        }
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            // a race with another posctl: fine
        }
    }
}
