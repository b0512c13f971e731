package dev.posctl.input;

import java.nio.file.Path;

/**
 * One input named on the command line.
 *
 * @param name   how messages name it: the path as given, or {@code <stdin>}
 * @param path   the file, or null for standard input
 * @param format the layout, or null to sniff it (stdin)
 */
public record Source(String name, Path path, Format format) {
    public static final String STDIN = "<stdin>";

    public boolean isStdin() {
        return path == null;
    }
}
