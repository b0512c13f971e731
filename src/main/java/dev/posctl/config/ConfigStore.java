package dev.posctl.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/** Where config.yaml lives, and reading and (atomically) writing it. */
public final class ConfigStore {
    public static final String CONFIG_VARIABLE = "POSCTL_CONFIG";
    /** A real config is a few hundred bytes; this only stops a wrong path (a log, an image) from filling the heap. */
    static final int MAX_BYTES = 1024 * 1024;
    /** Built on the first write only: reading a config, or having none, loads no YAML writer. */
    private static final class Writer {
        static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
    }

    private ConfigStore() {}

    /** {@code POSCTL_CONFIG}, else {@code $XDG_CONFIG_HOME/posctl/config.yaml}. */
    public static Path path(Environment env) {
        String override = env.get(CONFIG_VARIABLE);
        if (override != null) {
            return env.cwd().resolve(override);
        }
        return env.xdg("XDG_CONFIG_HOME", ".config").resolve("posctl").resolve("config.yaml");
    }

    /** The config, or an empty one when the file does not exist yet. */
    public static Config load(Environment env) {
        return load(path(env));
    }

    public static Config load(Path file) {
        String text;
        try {
            text = read(file);
        } catch (NoSuchFileException e) {
            return new Config(file);
        } catch (IOException e) {
            throw new PosctlException(ExitCode.CONFIG, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return ConfigParser.parse(file, text);
    }

    /**
     * Only a regular file of sane size (through symbolic links): {@code POSCTL_CONFIG=/dev/zero} would
     * otherwise fill the heap, a FIFO would block forever, and a directory fails with a bare "Is a directory".
     */
    private static String read(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new PosctlException(ExitCode.CONFIG, file + " is not a config file: it is "
                + (a.isDirectory() ? "a directory" : "a device, pipe or socket") + "; "
                + CONFIG_VARIABLE + " must name a YAML file (or a file to be created)");
        }
        if (a.size() > MAX_BYTES) {
            throw tooLarge(file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(file); // grew while being read
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static PosctlException tooLarge(Path file) {
        return new PosctlException(ExitCode.CONFIG, file + " is too large for a config file (more than "
            + MAX_BYTES / (1024 * 1024) + " MB); is " + CONFIG_VARIABLE + " pointing at the right file?");
    }

    public static void save(Config config) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (config.current() != null) {
            root.put("current", config.current());
        }
        ObjectNode profiles = root.putObject("profiles");
        for (Map.Entry<String, Map<ConfigKey, String>> p : config.profiles().entrySet()) {
            ObjectNode values = profiles.putObject(p.getKey());
            p.getValue().forEach((k, v) -> values.put(k.key(), v));
        }
        String text;
        try {
            text = Writer.YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new PosctlException(ExitCode.INTERNAL, "cannot write the config: " + e.getMessage(), e);
        }
        PrivateFiles.writeAtomically(config.file(), text);
    }
}
