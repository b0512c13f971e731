package dev.posctl.cli;

import dev.posctl.config.ConfigKey;
import dev.posctl.config.Settings;
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
    private Settings settings;
    private String settingsProfile;

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
        Optional<ConfigKey> key = ConfigKey.byOption(name);
        if (key.isEmpty()) {
            return env.get(variable(name));
        }
        // defaults are applied after the arguments are parsed, so --profile already has its value
        OptionSpec profileOption = arg.command() != null ? arg.command().findOption("--profile") : null;
        String profile = profileOption != null ? profileOption.getValue() : null;
        if (settings == null || !java.util.Objects.equals(profile, settingsProfile)) {
            settings = new Settings(env, profile);
            settingsProfile = profile;
        }
        return settings.defaultOf(key.get());
    }

    static String variable(String option) {
        return ConfigKey.variableOf(option);
    }
}
