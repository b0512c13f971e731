package dev.posctl.shell;

import dev.posctl.api.LocalEndpoints;
import dev.posctl.config.Profile;
import dev.posctl.config.Settings;
import dev.posctl.core.Environment;
import dev.posctl.sandbox.EmbeddedSandboxes;

/**
 * What lasts for one shell: the environment every line runs in (with the shell's --profile, so that
 * it means what it means for every other command), and one embedded sandbox for all the lines that
 * go to the sandbox, started when the first one does.
 */
public final class ShellSession implements AutoCloseable {
    private final Environment env;
    private final EmbeddedSandboxes.Shared sandbox = new EmbeddedSandboxes.Shared();

    private ShellSession(Environment env) {
        this.env = env;
    }

    /** @param profileFlag the shell's --profile, or null */
    public static ShellSession open(Environment outer, String profileFlag) {
        Environment env = outer.inner(Profile.PROFILE_VARIABLE, profileFlag != null ? profileFlag : outer.get(Profile.PROFILE_VARIABLE));
        // a profile that does not exist fails here, once, rather than on every line
        new Settings(env, null).profile();
        return new ShellSession(env);
    }

    /** The environment commands run in. */
    public Environment env() {
        return env;
    }

    /** The sandbox every line shares. */
    public LocalEndpoints local() {
        return sandbox;
    }

    /** Names the profile and the endpoint that a line without flags uses now (config use changes them). */
    public String prompt() {
        String label;
        try {
            label = new Settings(env, null).label();
        } catch (RuntimeException e) {
            label = "?";
        }
        return "posctl[" + label + "]> ";
    }

    public boolean usesSandbox() {
        return sandbox.started();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
