package dev.posctl.config;

import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The profile a command runs with: {@code --profile}, else {@code POSCTL_PROFILE}, else the
 * config's current profile, else none (built-in defaults only).
 *
 * @param name   the profile's name, or null when none is selected
 * @param values its settings (empty when none)
 */
public record Profile(String name, Map<ConfigKey, String> values, Path file) {
    public static final String PROFILE_VARIABLE = "POSCTL_PROFILE";
    /** The token cache of runs without a profile. */
    public static final String NO_PROFILE = "default";

    public static Profile select(Environment env, String flag) {
        return select(ConfigStore.load(env), env, flag);
    }

    public static Profile select(Config config, Environment env, String flag) {
        String name = flag != null ? flag : env.get(PROFILE_VARIABLE);
        if (name == null) {
            name = config.current();
            if (name == null) {
                return new Profile(null, Map.of(), config.file());
            }
        }
        Map<ConfigKey, String> values = config.profile(name);
        if (values == null) {
            throw new PosctlException(ExitCode.CONFIG, "profile \"" + name + "\" is not defined in " + config.file()
                + (config.profiles().isEmpty() ? " (it has no profiles yet: posctl config set --profile " + name + " KEY VALUE creates one)"
                    : " (profiles: " + String.join(", ", config.profiles().keySet()) + ")"));
        }
        return new Profile(name, Map.copyOf(values), config.file());
    }

    public String get(ConfigKey key) {
        return values.get(key);
    }

    /** The name the token cache is kept under. */
    public String cacheName() {
        return name != null ? name : NO_PROFILE;
    }

    /** Where a value comes from, in precedence order. */
    public enum Source { flag, environment, profile, builtIn }

    public record Resolved(ConfigKey key, String value, Source source) {}

    /** flag &gt; environment &gt; profile &gt; built-in default. */
    public Resolved resolve(ConfigKey key, String flagValue, Environment env) {
        if (flagValue != null) {
            return new Resolved(key, flagValue, Source.flag);
        }
        String fromEnv = env.get(key.variable());
        if (fromEnv != null) {
            return new Resolved(key, fromEnv, Source.environment);
        }
        String fromProfile = values.get(key);
        if (fromProfile != null) {
            return new Resolved(key, fromProfile, Source.profile);
        }
        return new Resolved(key, key.builtIn(), Source.builtIn);
    }

    public String value(ConfigKey key, String flagValue, Environment env) {
        return resolve(key, flagValue, env).value();
    }
}
