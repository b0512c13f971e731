package dev.posctl.complete;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** File name candidates relative to the working directory, as a shell would offer them. */
public final class LocalFiles {
    private LocalFiles() {}

    public static List<String> complete(Path cwd, String prefix) {
        int slash = prefix.lastIndexOf('/');
        String dirPart = prefix.substring(0, slash + 1);
        String namePart = prefix.substring(slash + 1);
        Path dir = dirPart.isEmpty() ? cwd : cwd.resolve(dirPart);
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.sorted().forEach(p -> {
                String name = p.getFileName().toString();
                if (name.startsWith(namePart) && (!name.startsWith(".") || namePart.startsWith("."))) {
                    out.add(dirPart + name + (Files.isDirectory(p) ? "/" : ""));
                }
            });
        } catch (IOException | RuntimeException e) {
            // no such directory: nothing to offer
        }
        return out;
    }
}
