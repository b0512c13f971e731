package dev.posctl.update;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.json.JsonTrees;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One JSON object per line to a file, from many threads; the --report and --journal files. */
public final class NdjsonAppender implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private final boolean flushEachLine;

    /** @param flushEachLine write through at once, so a killed process loses no finished line */
    public NdjsonAppender(Path file, boolean append, boolean flushEachLine) {
        this.file = file;
        this.flushEachLine = flushEachLine;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = append ? Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PosctlException(ExitCode.CONFIG, file + ": cannot open for writing: " + e.getMessage(), e);
        }
    }

    public synchronized void write(ObjectNode line) {
        try {
            JsonTrees.write(line, out, false);
            out.write('\n');
            if (flushEachLine) {
                out.flush();
            }
        } catch (IOException | UncheckedIOException e) {
            throw new PosctlException(ExitCode.CONFIG, file + ": cannot write: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new PosctlException(ExitCode.CONFIG, file + ": cannot close: " + e.getMessage(), e);
        }
    }
}
