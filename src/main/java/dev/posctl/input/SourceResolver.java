package dev.posctl.input;

import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns {@code -f} arguments into sources: files, the files of a directory, or stdin. */
public final class SourceResolver {
    private final Path cwd;

    public SourceResolver(Path cwd) {
        this.cwd = cwd;
    }

    public List<Source> resolve(List<String> args) {
        List<Source> out = new ArrayList<>();
        int stdin = 0;
        for (String arg : args) {
            if ("-".equals(arg)) {
                if (++stdin > 1) {
                    throw new PosctlException(ExitCode.USAGE, "-f - (stdin) may be given only once");
                }
                out.add(new Source(Source.STDIN, null, null));
                continue;
            }
            Path path = cwd.resolve(arg);
            if (Files.isDirectory(path)) {
                out.addAll(directory(arg, path));
            } else {
                Format f = Format.forFileName(arg);
                // a pipe (-f <(jq -c ...) is /dev/fd/63) has no telling name: its text is sniffed, as stdin's is
                out.add(new Source(arg, path, f != null ? f : Files.exists(path) && !Files.isRegularFile(path) ? null : Format.YAML));
            }
        }
        return out;
    }

    private static List<Source> directory(String arg, Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            String prefix = arg.endsWith("/") ? arg : arg + "/";
            return files.filter(Files::isRegularFile)
                .filter(p -> Format.forFileName(p.getFileName().toString()) != null)
                .sorted()
                .map(p -> new Source(prefix + p.getFileName(), p, Format.forFileName(p.getFileName().toString())))
                .toList();
        } catch (IOException e) {
            throw new PosctlException(ExitCode.INVALID_INPUT, arg + ": cannot list directory: " + IoReasons.of(e));
        }
    }
}
