package dev.posctl.config;

import dev.posctl.core.Environment;
import java.net.URI;

/**
 * The one place where a command's settings are worked out, with one precedence: flag, then
 * environment ({@code POSCTL_*}), then the selected profile, then the built-in default (for the
 * endpoint: the embedded sandbox). Every entry point asks this: one-shot commands (through their
 * option defaults), every shell line, the shell's prompt and its id completion.
 */
public final class Settings {
    private final Environment env;
    private final String profileFlag;
    private Config config;

    public Settings(Environment env, String profileFlag) {
        this.env = env;
        this.profileFlag = profileFlag;
    }

    /** The profile's name: --profile, POSCTL_PROFILE, else the config's current one; null for none. */
    public String profileName() {
        String name = profileFlag != null ? profileFlag : env.get(Profile.PROFILE_VARIABLE);
        return name != null ? name : config().current();
    }

    /** The selected profile; a named profile that is not defined is a configuration error. */
    public Profile profile() {
        return Profile.select(config(), env, profileFlag);
    }

    /**
     * An option's default: the environment, else the selected profile; null when neither sets it,
     * also when the profile is not defined (commands that need it say so themselves).
     */
    public String defaultOf(ConfigKey key) {
        String fromEnv = env.get(key.variable());
        if (fromEnv != null) {
            return fromEnv;
        }
        String name = profileName();
        return name == null || config().profile(name) == null ? null : config().profile(name).get(key);
    }

    /** The value that applies with {@code flag} given (null for none), and where it came from. */
    public Profile.Resolved resolve(ConfigKey key, String flag) {
        return profile().resolve(key, flag, env);
    }

    /** How a prompt names where commands go: {@code profile:host}, or {@code profile:sandbox}. */
    public String label() {
        String endpoint = resolve(ConfigKey.ENDPOINT, null).value();
        String name = profileName();
        String where = endpoint == null || "sandbox".equals(endpoint) ? "sandbox" : host(endpoint);
        return (name != null ? name : Profile.NO_PROFILE) + ":" + where;
    }

    private static String host(String endpoint) {
        try {
            URI u = URI.create(endpoint);
            return u.getHost() != null ? u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") : endpoint;
        } catch (IllegalArgumentException e) {
            return endpoint;
        }
    }

    private Config config() {
        if (config == null) {
            config = ConfigStore.load(env);
        }
        return config;
    }
}
