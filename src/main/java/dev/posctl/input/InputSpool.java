package dev.posctl.input;

import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the inputs that can be read only once (stdin, and pipes such as {@code -f <(jq -c ...)})
 * to temporary files, so they can be read twice: once to validate everything, once to send. Each
 * keeps its own name in messages; the copies are deleted on close.
 */
public final class InputSpool implements AutoCloseable {
    private final List<Source> sources;
    private final List<Path> files;

    private InputSpool(List<Source> sources, List<Path> files) {
        this.sources = sources;
        this.files = files;
    }

    public static InputSpool of(List<Source> sources, InputStream stdin) {
        List<Source> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try {
            for (Source s : sources) {
                if (!s.isStdin() && (Files.isRegularFile(s.path()) || !Files.exists(s.path()))) {
                    out.add(s);  // a missing file is reported by the reader, with its name
                    continue;
                }
                Path tmp = Files.createTempFile("posctl-input", ".spool");
                files.add(tmp);
                tmp.toFile().deleteOnExit();
                try (OutputStream copy = Files.newOutputStream(tmp)) {
                    if (s.isStdin()) {
                        stdin.transferTo(copy);  // stdin stays open: it is the process's (or the shell's)
                    } else {
                        try (InputStream in = new FileInputStream(s.path().toFile())) {
                            in.transferTo(copy);
                        }
                    }
                } catch (IOException e) {
                    throw new PosctlException(ExitCode.INVALID_INPUT, s.name() + ": cannot read it into " + tmp.getParent()
                        + " (where it is kept to be read twice): " + IoReasons.of(e), e);
                }
                out.add(new Source(s.name(), tmp, s.format()));
            }
        } catch (IOException e) {
            new InputSpool(out, files).close();
            throw new PosctlException(ExitCode.INVALID_INPUT, "cannot make a temporary file for the input: " + IoReasons.of(e), e);
        } catch (RuntimeException e) {
            new InputSpool(out, files).close();
            throw e;
        }
        return new InputSpool(out, files);
    }

    public List<Source> sources() {
        return sources;
    }

    @Override
    public void close() {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // deleteOnExit is the fallback
            }
        }
    }
}
