package dev.posctl.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import dev.posctl.output.JsonRenderer;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.YamlText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One file per user under a directory, named for the user. The name comes from input or from the
 * server, so it is made safe: only letters, digits and {@code . _ @ -} stay, everything else
 * (a '/', '..', control characters) is percent-encoded and a leading dot is encoded, so no user
 * name can leave the directory or hide a file. Each file is written whole or not at all.
 */
public final class DirectorySink implements DocumentSink {
    private static final int MAX_NAME = 200;
    private final Path dir;
    private final OutputFormat format;

    public DirectorySink(Path dir, OutputFormat format) {
        this.dir = dir;
        this.format = format;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new PosctlException(ExitCode.CONFIG, "--dir " + dir + ": cannot create the directory: " + IoReasons.of(e));
        }
    }

    /** The file a user's document goes to. */
    public static String fileName(String userId, OutputFormat format) {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = userId.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '_' || b == '@' || b == '-' || (b == '.' && i > 0);
            if (plain) {
                sb.append((char) b);
            } else {
                sb.append('%').append(String.format("%02X", b));
            }
        }
        if (sb.length() > MAX_NAME) {
            // still one file per user: the cut name keeps a hash of the whole
            sb.setLength(MAX_NAME - 9);
            sb.append('~').append(String.format("%08x", userId.hashCode()));
        }
        return sb + (format == OutputFormat.yaml ? ".yaml" : ".json");
    }

    @Override
    public void write(String userId, ObjectNode document) {
        Path file = dir.resolve(fileName(userId, format));
        StringWriter text = new StringWriter();
        try (PrintWriter w = new PrintWriter(text)) {
            if (format == OutputFormat.yaml) {
                w.print(YamlText.of(document));
            } else {
                w.println(format == OutputFormat.json ? JsonRenderer.pretty(document) : JsonRenderer.compact(document));
            }
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".posctl-export-", ".tmp");
            Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // the write's own failure is the one to report
            }
            throw new PosctlException(ExitCode.CONFIG, "--dir: cannot write " + file + ": " + IoReasons.of(e));
        }
    }

    @Override
    public void close() {
        // every file was complete when written
    }
}
