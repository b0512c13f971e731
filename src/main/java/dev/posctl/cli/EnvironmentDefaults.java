package dev.posctl.cli;

import dev.posctl.core.Environment;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from {@code POSCTL_*} variables ({@code --output} from {@code POSCTL_OUTPUT}),
 * for the options where a per-shell default makes sense. Flags still win.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
    static final Set<String> FROM_ENVIRONMENT = Set.of("--output", "--endpoint", "--path-style", "--max-retries",
        "--concurrency");
    private final Environment env;

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
        return env.get(variable(name));
    }

    static String variable(String option) {
        return "POSCTL_" + option.substring(2).toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
