package dev.posctl.sandbox;

import java.io.IOException;
import java.nio.file.Path;

/** The data file exists but is not sandbox data; the message names the file and what is wrong. */
public final class SandboxDataException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public SandboxDataException(Path file, String problem) {
        super("sandbox data file " + file + " is not valid sandbox data: " + problem
            + " (fix it, or run posctl sandbox reset to restore the demo data)");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
