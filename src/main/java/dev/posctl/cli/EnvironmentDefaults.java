package dev.posctl.cli;

import dev.posctl.config.Config;
import dev.posctl.config.ConfigKey;
import dev.posctl.config.ConfigStore;
import dev.posctl.config.Profile;
import dev.posctl.core.Environment;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from {@code POSCTL_*} variables ({@code --output} from {@code POSCTL_OUTPUT}),
 * else from the selected profile of the config file, for the options where a per-shell or
 * per-tenant default makes sense. Flags still win: flag &gt; environment &gt; profile &gt; built-in.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
    static final Set<String> FROM_ENVIRONMENT = Set.of("--output", "--endpoint", "--path-style", "--max-retries",
        "--concurrency", "--connect-timeout", "--timeout", "--retry-budget", "--max-response-size", "--authority", "--tenant", "--client-id",
        "--method", "--scope");
    private final Environment env;
    private Config config;

    EnvironmentDefaults(Environment env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec)) {
            return null;
        }
        String name = ((OptionSpec) arg).longestName();
        if (!FROM_ENVIRONMENT.contains(name)) {
            return null;
        }
        String fromEnv = env.get(variable(name));
        if (fromEnv != null) {
            return fromEnv;
        }
        Optional<ConfigKey> key = ConfigKey.byOption(name);
        if (key.isEmpty()) {
            return null;
        }
        // defaults are applied after the arguments are parsed, so --profile already has its value
        OptionSpec profileOption = arg.command() != null ? arg.command().findOption("--profile") : null;
        String profileFlag = profileOption != null ? profileOption.getValue() : null;
        if (config == null) {
            config = ConfigStore.load(env);
        }
        String profile = profileFlag != null ? profileFlag : env.get(Profile.PROFILE_VARIABLE);
        profile = profile != null ? profile : config.current();
        // a profile not defined yet gives no defaults; commands that need it say so themselves
        return profile == null || config.profile(profile) == null ? null : config.profile(profile).get(key.get());
    }

    static String variable(String option) {
        return "POSCTL_" + option.substring(2).toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
