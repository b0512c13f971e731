package dev.posctl.input;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies stdin to a temporary file so it can be read twice: once to validate everything, once to
 * send. The file keeps stdin's name in messages and is deleted on close.
 */
public final class StdinSpool implements AutoCloseable {
    private final List<Source> sources;
    private final Path file;

    private StdinSpool(List<Source> sources, Path file) {
        this.sources = sources;
        this.file = file;
    }

    public static StdinSpool of(List<Source> sources, InputStream stdin) {
        if (sources.stream().noneMatch(Source::isStdin)) {
            return new StdinSpool(sources, null);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("posctl-stdin", ".spool");
            tmp.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(tmp)) {
                stdin.transferTo(out);
            }
        } catch (IOException e) {
            throw new PosctlException(ExitCode.INVALID_INPUT, "<stdin>: cannot read: " + e.getMessage(), e);
        }
        List<Source> out = new ArrayList<>();
        for (Source s : sources) {
            out.add(s.isStdin() ? new Source(Source.STDIN, tmp, null) : s);
        }
        return new StdinSpool(out, tmp);
    }

    public List<Source> sources() {
        return sources;
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // deleteOnExit is the fallback
            }
        }
    }
}
