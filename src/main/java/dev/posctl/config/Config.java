package dev.posctl.config;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The contents of config.yaml: named profiles of key/value settings, one of them current. */
public final class Config {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private final Path file;
    private String current;
    private final Map<String, Map<ConfigKey, String>> profiles = new LinkedHashMap<>();

    public Config(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public String current() {
        return current;
    }

    public void current(String name) {
        this.current = name;
    }

    public Map<String, Map<ConfigKey, String>> profiles() {
        return profiles;
    }

    /** The named profile's values, or null when there is no such profile. */
    public Map<ConfigKey, String> profile(String name) {
        return profiles.get(name);
    }

    /** Creates the profile when it does not exist yet. */
    public Map<ConfigKey, String> profileForWriting(String name) {
        requireName(name);
        return profiles.computeIfAbsent(name, n -> new LinkedHashMap<>());
    }

    /** Profile names become file names (the token cache): keep them plain. */
    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PosctlException(ExitCode.CONFIG, "profile name \"" + name
                + "\" is not valid: use letters, digits, '.', '_' and '-' (at most 64)");
        }
        return name;
    }
}
