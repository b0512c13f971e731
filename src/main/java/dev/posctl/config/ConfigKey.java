package dev.posctl.config;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keys a profile may hold. Each maps to the option it defaults and the {@code POSCTL_*}
 * variable that overrides it. Secrets are deliberately not keys: they belong in the environment
 * or in files, never in a config file that people share and paste.
 */
public enum ConfigKey {
    ENDPOINT("endpoint", "--endpoint", Kind.ENDPOINT, "sandbox"),
    PATH_STYLE("pathStyle", "--path-style", Kind.choice("graph", "seed"), "graph"),
    TENANT("tenant", "--tenant", Kind.TEXT, "organizations"),
    CLIENT_ID("clientId", "--client-id", Kind.TEXT, null),
    METHOD("method", "--method", Kind.choice("device-code", "client-secret", "client-certificate"), "device-code"),
    AUTHORITY("authority", "--authority", Kind.URL, "https://login.microsoftonline.com"),
    SCOPE("scope", "--scope", Kind.TEXT, "https://graph.microsoft.com/.default offline_access"),
    OUTPUT("output", "--output", Kind.choice("table", "text", "json", "yaml", "ndjson", "github"), null),
    CONCURRENCY("concurrency", "--concurrency", Kind.COUNT, Defaults.CONCURRENCY),
    MAX_RETRIES("maxRetries", "--max-retries", Kind.COUNT, Defaults.MAX_RETRIES),
    CONNECT_TIMEOUT("connectTimeout", "--connect-timeout", Kind.SECONDS, Defaults.CONNECT_TIMEOUT),
    TIMEOUT("timeout", "--timeout", Kind.SECONDS, Defaults.TIMEOUT),
    RETRY_BUDGET("retryBudget", "--retry-budget", Kind.SECONDS, Defaults.RETRY_BUDGET),
    TOKEN_COMMAND("tokenCommand", "--token-command", Kind.TEXT, null),
    TOKEN_FILE("tokenFile", "--token-file", Kind.TEXT, null),
    CLIENT_SECRET_FILE("clientSecretFile", "--client-secret-file", Kind.TEXT, null),
    CERTIFICATE("certificate", "--certificate", Kind.TEXT, null);

    /**
     * The built-in defaults that options also declare: the options' {@code defaultValue}s name these
     * constants, so what {@code config view --resolved} shows is what a command uses.
     */
    public static final class Defaults {
        public static final String CONCURRENCY = "8";
        public static final String MAX_RETRIES = "5";
        public static final String CONNECT_TIMEOUT = "10";
        public static final String TIMEOUT = "30";
        public static final String RETRY_BUDGET = "120";

        private Defaults() {}
    }

    private final String key;
    private final String option;
    private final Kind kind;
    private final String builtIn;

    ConfigKey(String key, String option, Kind kind, String builtIn) {
        this.key = key;
        this.option = option;
        this.kind = kind;
        this.builtIn = builtIn;
    }

    public String key() {
        return key;
    }

    public String option() {
        return option;
    }

    /** {@code --max-retries} is overridden by {@code POSCTL_MAX_RETRIES}. */
    public String variable() {
        return variableOf(option);
    }

    /** The naming rule of every option's variable: {@code --max-retries} is {@code POSCTL_MAX_RETRIES}. */
    public static String variableOf(String option) {
        return "POSCTL_" + option.substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The built-in default, or null when there is none (or it depends on the command and the terminal: output). */
    public String builtIn() {
        return builtIn;
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    public static Optional<ConfigKey> byOption(String option) {
        return Arrays.stream(values()).filter(k -> k.option.equals(option)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.joining(", "));
    }

    /** Why a value is wrong for this key, or null when it is fine. */
    public String problem(String value) {
        return kind.problem(value);
    }

    /** A key named by a person: unknown keys fail with the list of known ones. */
    public static ConfigKey require(String key, String where) {
        return byKey(key).orElseThrow(() -> new PosctlException(ExitCode.CONFIG, where + "unknown key \"" + key + "\""
            + (key.toLowerCase(Locale.ROOT).contains("secret") || key.toLowerCase(Locale.ROOT).contains("token")
                ? " (secrets and tokens never go in the config file: use POSCTL_CLIENT_SECRET, clientSecretFile, tokenFile or tokenCommand)"
                : "") + "; known keys: " + names()));
    }

    interface Kind {
        String problem(String value);

        Kind TEXT = v -> v.isBlank() ? "must not be empty" : null;
        Kind COUNT = v -> {
            try {
                return Integer.parseInt(v.trim()) >= 0 ? null : "must be 0 or more";
            } catch (NumberFormatException e) {
                return "must be a whole number";
            }
        };
        Kind SECONDS = v -> {
            try {
                return Double.parseDouble(v.trim()) > 0 ? null : "must be more than 0 seconds";
            } catch (NumberFormatException e) {
                return "must be a number of seconds";
            }
        };
        Kind URL = v -> {
            try {
                URI u = new URI(v);
                return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null
                    ? null : "must be an http(s) URL";
            } catch (Exception e) {
                return "must be an http(s) URL";
            }
        };
        Kind ENDPOINT = v -> "sandbox".equals(v) ? null : URL.problem(v) == null ? null : "must be an http(s) URL or sandbox";

        static Kind choice(String... allowed) {
            List<String> list = List.of(allowed);
            return v -> list.contains(v) ? null : "must be one of " + String.join(", ", list);
        }
    }
}
