package dev.posctl.cli;

import dev.posctl.docs.GeneratedDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the completion scripts and man pages under a directory: the build runs it into
 * target/generated-docs; {@code GeneratedDocsTest} checks the committed copies against it.
 */
public final class GenerateDocs {
    private GenerateDocs() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        write(dir);
    }

    public static void write(Path dir) throws IOException {
        for (Map.Entry<String, String> e : GeneratedDocs.all(CommandLineFactory.neutral()).entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
