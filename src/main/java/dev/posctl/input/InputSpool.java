package dev.posctl.input;

import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Copies the inputs that can be read only once (stdin, and pipes such as {@code -f <(jq -c ...)})
 * to temporary files, so they can be read twice: once to validate everything, once to send. The
 * copy is made by the validating pass itself, as it reads: an input validation gives up on (an
 * endless line, {@code /dev/zero}) is copied no further than validation read, so the spool is
 * bounded by the input limits validation applies. Each keeps its own name in messages; the copies
 * are deleted on close.
 */
public final class InputSpool implements AutoCloseable {
    private final List<Source> originals;
    private final Map<Source, Path> copies;
    private final Map<Source, Copying> copying = new HashMap<>();
    private volatile BooleanSupplier enough = () -> false;

    private InputSpool(List<Source> originals, Map<Source, Path> copies) {
        this.originals = originals;
        this.copies = copies;
    }

    /** @param dir where the copies go; null for the JVM's temporary directory */
    public static InputSpool of(List<Source> sources, Path dir) {
        Map<Source, Path> copies = new HashMap<>();
        InputSpool spool = new InputSpool(List.copyOf(sources), copies);
        try {
            for (Source s : sources) {
                if (!s.isStdin() && (Files.isRegularFile(s.path()) || !Files.exists(s.path()))) {
                    continue;  // read twice from where it is; a missing file is reported by the reader, with its name
                }
                Path tmp = dir == null ? Files.createTempFile("posctl-input", ".spool")
                    : Files.createTempFile(dir, "posctl-input", ".spool");
                copies.put(s, tmp);
                tmp.toFile().deleteOnExit();
            }
        } catch (IOException e) {
            spool.close();
            throw new PosctlException(ExitCode.INVALID_INPUT, "cannot make a temporary file for the input in "
                + (dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"))) + ": " + IoReasons.of(e), e);
        }
        return spool;
    }

    /** The inputs for the validating pass: what must be spooled is copied as it is read. */
    public EditInputs copying(EditInputs inputs) {
        return copying(inputs, () -> false);
    }

    /**
     * @param enough true once the pass has found all it will report (nothing is sent after an error,
     *               so reading more of an endless input would only fill the disk): the spooled
     *               inputs then end there
     */
    public EditInputs copying(EditInputs inputs, BooleanSupplier enough) {
        this.enough = enough;
        return copies.isEmpty() ? inputs : inputs.readingThrough(this::open);
    }

    /** Whether the validating pass stopped reading a spooled input before its end, having found enough. */
    public synchronized boolean cut() {
        return copying.values().stream().anyMatch(c -> c.cut);
    }

    private synchronized InputStream open(Source s, InputStream stdin) throws IOException {
        Path copy = copies.get(s);
        if (copy == null) {
            return null;
        }
        // FileInputStream, not Files.newInputStream: a pipe has no position to ask for
        InputStream in = s.isStdin() ? EditReader.nonClosing(stdin) : new FileInputStream(s.path().toFile());
        OutputStream out;
        try {
            out = Files.newOutputStream(copy);
        } catch (IOException e) {
            in.close();
            throw new IOException(keepFailure(copy, e), e);
        }
        Copying c = new Copying(in, out, copy, enough);
        copying.put(s, c);
        return c;
    }

    /**
     * After the validating pass: the sources to read again, each copy in place of what could be read
     * only once. The pass must have read every spooled input to its end (it does, unless it failed).
     */
    public synchronized List<Source> sources() {
        List<Source> out = new ArrayList<>();
        for (Source s : originals) {
            Path copy = copies.get(s);
            if (copy == null) {
                out.add(s);
                continue;
            }
            Copying c = copying.get(s);
            if (c == null || !c.ended) {
                throw new PosctlException(ExitCode.INTERNAL, s.name() + ": the copy kept to read it twice is incomplete"
                    + " (a bug: please report it); nothing was sent");
            }
            out.add(new Source(s.name(), copy, s.format()));
        }
        return out;
    }

    private static String keepFailure(Path copy, IOException e) {
        return "cannot keep a copy in " + copy.getParent() + " (where it is kept to be read twice): " + IoReasons.of(e);
    }

    @Override
    public void close() {
        for (Path file : copies.values()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // deleteOnExit is the fallback
            }
        }
    }

    /** Hands on what it reads, writing a copy of it on the way. */
    private static final class Copying extends FilterInputStream {
        private final OutputStream copy;
        private final Path file;
        private final BooleanSupplier enough;
        private volatile boolean ended;
        private volatile boolean cut;
        private boolean closed;

        Copying(InputStream in, OutputStream copy, Path file, BooleanSupplier enough) {
            super(in);
            this.copy = copy;
            this.file = file;
            this.enough = enough;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (cut || enough.getAsBoolean()) {
                cut = true;
                return -1;
            }
            int n = in.read(b, off, len);
            if (n < 0) {
                if (len > 0) {
                    ended = true;
                }
                return n;
            }
            try {
                copy.write(b, off, n);
            } catch (IOException e) {
                throw new IOException(keepFailure(file, e), e);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped bytes must be copied too
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            int got = read(buf, 0, buf.length);
            return Math.max(got, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                copy.close();
            } catch (IOException e) {
                ended = false;  // the copy is not whole
                throw new IOException(keepFailure(file, e), e);
            } finally {
                in.close();
            }
        }
    }
}
