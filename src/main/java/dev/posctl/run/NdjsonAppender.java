package dev.posctl.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import dev.posctl.json.JsonTrees;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One JSON object per line to a file, from many threads; the --report and --journal files. After
 * the first failed write it writes nothing more (a half-written line must not be followed by
 * others), and every later write fails with the first failure's message.
 */
public final class NdjsonAppender implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final BufferedWriter out;
    private final boolean flushEachLine;
    private PosctlException failure;

    /** @param flushEachLine write through at once, so a killed process loses no finished line */
    public NdjsonAppender(Path file, boolean append, boolean flushEachLine) {
        this(file, append, flushEachLine, null);
    }

    private NdjsonAppender(Path file, boolean append, boolean flushEachLine, String lockedFor) {
        this.file = file;
        this.flushEachLine = flushEachLine;
        FileChannel ch = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // not truncated on opening: a file another run holds locked must be left as it is
            // READ as well for the journal: a line cut short at its end is found by reading the last byte
            ch = lockedFor != null ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)
                : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (lockedFor != null && !lock(ch)) {
                throw new PosctlException(ExitCode.CONFIG, file + ": in use by another posctl run (" + lockedFor
                    + "); wait for it to end, or give another file");
            }
            // a pipe (--report /dev/stdout) has no size and cannot seek: only a file with content is moved in
            if (append && ch.size() > 0) {
                ch.position(ch.size());
            } else if (!append && ch.size() > 0) {
                ch.truncate(0);
            }
            this.channel = ch;
            this.out = new BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new PosctlException(ExitCode.CONFIG, file + ": cannot open for writing: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** The same, holding an exclusive lock on the file until closed; a file locked by another run is refused. */
    static NdjsonAppender locked(Path file, boolean append, String what) {
        return new NdjsonAppender(file, append, true, what);
    }

    private static boolean lock(FileChannel ch) throws IOException {
        try {
            FileLock lock = ch.tryLock();
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false;  // this process holds it already: another run in the same JVM (the shell)
        }
    }

    /** Ends a line cut short (by a kill) so the next record starts on a line of its own. */
    void endPartialLine() throws IOException {
        long size = channel.size();
        if (size == 0) {
            return;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        if (last.get(0) != '\n') {
            out.write('\n');
            out.flush();
        }
    }

    public synchronized void write(ObjectNode line) {
        if (failure != null) {
            throw failure;
        }
        try {
            JsonTrees.write(line, out, false);
            out.write('\n');
            if (flushEachLine) {
                out.flush();
            }
        } catch (IOException | UncheckedIOException e) {
            throw failed(e);
        }
    }

    /** Writes out what is buffered. */
    public synchronized void flush() {
        if (failure != null) {
            throw failure;
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The first failure, or null while every write has succeeded. */
    public synchronized PosctlException failure() {
        return failure;
    }

    private PosctlException failed(Exception e) {
        IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        failure = new PosctlException(ExitCode.CONFIG, file + ": cannot write: " + IoReasons.of(io));
        return failure;
    }

    /** Closes the file; flushing what is buffered may fail as a write does. */
    @Override
    public synchronized void close() {
        if (failure != null) {
            closeQuietly(channel);  // the buffer holds what could not be written: trying again fails again
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            closeQuietly(channel);
            throw failed(e);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing after a failure: the failure is what is reported
            }
        }
    }
}
