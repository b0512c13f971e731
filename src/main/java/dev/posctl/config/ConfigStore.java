package dev.posctl.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Where config.yaml lives, and reading and (atomically) writing it. */
public final class ConfigStore {
    public static final String CONFIG_VARIABLE = "POSCTL_CONFIG";
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
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Config(file);
        } catch (IOException e) {
            throw new PosctlException(ExitCode.CONFIG, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return ConfigParser.parse(file, text);
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
