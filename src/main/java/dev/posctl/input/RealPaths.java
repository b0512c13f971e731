package dev.posctl.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a path names on disk, however it is spelled ({@code b.ndjson}, {@code ./b.ndjson}, a symlink). */
public final class RealPaths {
    private RealPaths() {}

    /** The real path; for a file not made yet, its parent's real path and its name. */
    public static Path of(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            if (parent == null || abs.getFileName() == null) {
                return abs;
            }
            try {
                return parent.toRealPath().resolve(abs.getFileName());
            } catch (IOException again) {
                return abs;
            }
        }
    }

    /**
     * What each source is known by across runs, by its name in messages: a regular file by its real
     * path; stdin and pipes, whose paths mean nothing the next time, by their names.
     */
    public static Map<String, String> sourceIds(List<Source> sources) {
        Map<String, String> ids = new HashMap<>();
        for (Source s : sources) {
            ids.put(s.name(), !s.isStdin() && Files.isRegularFile(s.path()) ? of(s.path()).toString() : s.name());
        }
        return ids;
    }
}
