package dev.posctl.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads config.yaml token by token so that every complaint can name the file, line and key,
 * which a tree model would have forgotten.
 */
final class ConfigParser {
    private final Path file;
    private JsonParser p;

    private ConfigParser(Path file) {
        this.file = file;
    }

    static Config parse(Path file, String text) {
        return new ConfigParser(file).run(text);
    }

    private Config run(String text) {
        Config config = new Config(file);
        try (JsonParser parser = dev.posctl.json.Parsers.yaml().createParser(text)) {
            p = parser;
            JsonToken t = p.nextToken();
            if (t == null) {
                return config;
            }
            if (t != JsonToken.START_OBJECT) {
                throw fail(null, "must be a mapping with \"current\" and \"profiles\"");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("current")) {
                    if (v == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    config.current(scalar(field, v));
                } else if (field.equals("profiles")) {
                    profiles(config, v);
                } else {
                    throw fail(field, "unknown key (the top level holds \"current\" and \"profiles\")");
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PosctlException(ExitCode.CONFIG, file + (at != null ? ":" + at.getLineNr() : "")
                + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PosctlException(ExitCode.CONFIG, "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (config.current() != null && config.profile(config.current()) == null) {
            throw new PosctlException(ExitCode.CONFIG, file + ": current profile \"" + config.current()
                + "\" is not defined under profiles");
        }
        return config;
    }

    private void profiles(Config config, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            throw fail("profiles", "must be a mapping of profile names to settings");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int line = line();
            try {
                Config.requireName(name);
            } catch (PosctlException e) {
                throw new PosctlException(ExitCode.CONFIG, file + ":" + line + ": " + e.getMessage());
            }
            if (config.profile(name) != null) {
                throw fail(name, "profile defined twice");
            }
            Map<ConfigKey, String> values = config.profileForWriting(name);
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_NULL) {
                continue;
            }
            if (v != JsonToken.START_OBJECT) {
                throw fail(name, "a profile must be a mapping of keys to values");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                String where = file + ":" + line() + ": profile \"" + name + "\": ";
                ConfigKey k = ConfigKey.require(key, where);
                String value = scalar(key, p.nextToken());
                String problem = k.problem(value);
                if (problem != null) {
                    throw new PosctlException(ExitCode.CONFIG, where + key + " \"" + value + "\" " + problem);
                }
                if (values.put(k, value) != null) {
                    throw new PosctlException(ExitCode.CONFIG, where + key + " is set twice");
                }
            }
        }
    }

    private String scalar(String key, JsonToken t) throws IOException {
        if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) {
            throw fail(key, "must be a single value");
        }
        return p.getText();
    }

    private int line() {
        return p.currentLocation().getLineNr();
    }

    private PosctlException fail(String key, String message) {
        return new PosctlException(ExitCode.CONFIG, file + ":" + p.currentLocation().getLineNr() + ": "
            + (key != null ? key + ": " : "") + message);
    }
}
