package dev.posctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.posctl.json.JsonTrees;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sandbox's JSON file, shared safely between processes: writers hold an exclusive lock on a
 * sidecar {@code .lock} file and replace the data file by atomic rename, so readers never see a
 * half-written file and no writer loses another's change.
 */
final class DataFile {
    /**
     * OS file locks belong to the whole JVM, and closing any channel on the lock file drops them:
     * so two stores in one JVM (tests, an embedded server next to a command) must first take turns
     * here, and only then open, lock and close the channel.
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    /** What identifies one version of the file; a rename gives a new inode, a write a new mtime. */
    private record Stamp(Object fileKey, long size, long modifiedNanos) {}

    private final Path file;
    private final Path lockFile;
    private Stamp lastSeen;

    DataFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    Path path() {
        return file;
    }

    /** Work done while holding the lock. */
    interface Locked<T> {
        T run() throws IOException;
    }

    /** Runs the work holding both the in-JVM and the OS lock. */
    <T> T locked(Locked<T> work) throws IOException {
        Held held = lock();
        try {
            return work.run();
        } finally {
            held.close();
        }
    }

    private interface Held extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    private Held lock() throws IOException {
        Files.createDirectories(file.getParent());
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        jvm.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock os = channel.lock();
            FileChannel c = channel;
            return () -> {
                try {
                    os.release();
                    c.close();
                } finally {
                    jvm.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            jvm.unlock();
            throw e;
        }
    }

    /** True when the file is not the version last read or written here. */
    boolean changed() throws IOException {
        return !Objects.equals(stamp(), lastSeen);
    }

    /** The data, or null when the file does not exist yet. */
    SandboxData read() throws IOException {
        Stamp before = stamp();
        if (before == null) {
            lastSeen = null;
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            lastSeen = null;
            return null;
        }
        SandboxData data;
        try {
            JsonNode root = JsonTrees.read(bytes);
            data = SandboxData.fromJson(root == null ? MissingNode.getInstance() : root);
        } catch (IOException | IllegalArgumentException e) {
            throw new SandboxDataException(file, e.getMessage());
        }
        // if a rename slipped in between stamp and read, the next check simply reads again
        lastSeen = before;
        return data;
    }

    void write(SandboxData data) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            byte[] bytes = JsonTrees.pretty(data.toJson()).getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        lastSeen = stamp();
    }

    private Stamp stamp() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                + a.lastModifiedTime().toInstant().getNano());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
