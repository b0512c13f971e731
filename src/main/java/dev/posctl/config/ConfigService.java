package dev.posctl.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.util.Map;

/** What the {@code config} subcommands do, without picocli. Results are JSON for the renderers. */
public final class ConfigService {
    private final Environment env;

    public ConfigService(Environment env) {
        this.env = env;
    }

    /** The whole file as data: current profile and every profile's settings. */
    public ObjectNode view() {
        Config config = ConfigStore.load(env);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("file", config.file().toString());
        if (config.current() != null) {
            root.put("current", config.current());
        }
        ObjectNode profiles = root.putObject("profiles");
        config.profiles().forEach((name, values) -> {
            ObjectNode p = profiles.putObject(name);
            values.forEach((k, v) -> p.put(k.key(), v));
        });
        return root;
    }

    /** Every key of the selected profile as it would apply now, with where it came from. */
    public ArrayNode resolved(String profileFlag) {
        Profile profile = Profile.select(env, profileFlag);
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (ConfigKey key : ConfigKey.values()) {
            Profile.Resolved r = profile.resolve(key, null, env);
            ObjectNode row = rows.addObject();
            row.put("key", key.key());
            row.put("value", r.value());
            row.put("source", r.source() == Profile.Source.environment ? "env " + key.variable()
                : r.source() == Profile.Source.profile ? "profile " + profile.name()
                : key == ConfigKey.OUTPUT ? "default: each command's own (table or text on a terminal, json otherwise)"
                : r.value() == null ? "unset" : "default");
        }
        return rows;
    }

    public String get(String profileFlag, String key) {
        ConfigKey k = ConfigKey.require(key, "");
        Profile profile = Profile.select(env, profileFlag);
        return profile.get(k);
    }

    /** Sets a key in the selected profile, creating the profile (and making it current if none is). */
    public String set(String profileFlag, String key, String value) {
        ConfigKey k = ConfigKey.require(key, "");
        String problem = k.problem(value);
        if (problem != null) {
            throw new PosctlException(ExitCode.CONFIG, key + " \"" + value + "\" " + problem);
        }
        Config config = ConfigStore.load(env);
        String name = target(config, profileFlag);
        config.profileForWriting(name).put(k, value);
        if (config.current() == null) {
            config.current(name);
        }
        ConfigStore.save(config);
        return name;
    }

    /** Removes a key; true when it was set. */
    public boolean unset(String profileFlag, String key) {
        ConfigKey k = ConfigKey.require(key, "");
        Config config = ConfigStore.load(env);
        String name = target(config, profileFlag);
        Map<ConfigKey, String> values = config.profile(name);
        if (values == null || values.remove(k) == null) {
            return false;
        }
        ConfigStore.save(config);
        return true;
    }

    public void use(String name) {
        Config config = ConfigStore.load(env);
        if (config.profile(name) == null) {
            throw new PosctlException(ExitCode.CONFIG, "profile \"" + name + "\" is not defined in " + config.file()
                + (config.profiles().isEmpty() ? "" : " (profiles: " + String.join(", ", config.profiles().keySet()) + ")"));
        }
        config.current(name);
        ConfigStore.save(config);
    }

    public ArrayNode profiles() {
        Config config = ConfigStore.load(env);
        String selected = env.get(Profile.PROFILE_VARIABLE) != null ? env.get(Profile.PROFILE_VARIABLE) : config.current();
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        config.profiles().forEach((name, values) -> {
            ObjectNode row = rows.addObject();
            row.put("name", name);
            row.put("current", name.equals(selected));
            row.put("endpoint", values.getOrDefault(ConfigKey.ENDPOINT, ConfigKey.ENDPOINT.builtIn()));
            row.put("tenant", values.get(ConfigKey.TENANT));
        });
        return rows;
    }

    /** Writes go to --profile / POSCTL_PROFILE, else the current profile, else a new "default". */
    private String target(Config config, String profileFlag) {
        String name = profileFlag != null ? profileFlag : env.get(Profile.PROFILE_VARIABLE);
        if (name == null) {
            name = config.current() != null ? config.current() : Profile.NO_PROFILE;
        }
        return Config.requireName(name);
    }
}
