package dev.posctl.shell;

import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.sandbox.SandboxOptions;
import dev.posctl.sandbox.SandboxServer;
import dev.posctl.update.Connection;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What lasts for one shell: the environment every command line runs in and, when no endpoint is
 * configured, one embedded sandbox for the whole session instead of one per command.
 */
public final class ShellSession implements AutoCloseable {
    private final Environment env;
    private final SandboxServer sandbox;
    private final String label;

    private ShellSession(Environment env, SandboxServer sandbox, String label) {
        this.env = env;
        this.sandbox = sandbox;
        this.label = label;
    }

    public static ShellSession open(Environment outer) {
        String endpoint = outer.get("POSCTL_ENDPOINT");
        String profile = outer.get("POSCTL_PROFILE") != null ? outer.get("POSCTL_PROFILE") : "default";
        if (endpoint != null) {
            String host;
            try {
                host = URI.create(endpoint).getHost();
            } catch (IllegalArgumentException e) {
                host = null;
            }
            return new ShellSession(outer, null, profile + ":" + (host != null ? host : endpoint));
        }
        SandboxServer sandbox;
        try {
            sandbox = SandboxServer.start(SandboxOptions.builder().dataFile(Connection.sandboxData(outer)).build());
        } catch (IOException | RuntimeException e) {
            throw new PosctlException(ExitCode.CONFIG, "cannot start the embedded sandbox: " + e.getMessage(), e);
        }
        Map<String, String> vars = new HashMap<>(outer.vars());
        vars.put("POSCTL_ENDPOINT", sandbox.baseUri().toString());
        // the sandbox takes any token; a throwaway one lets commands treat it as a configured endpoint on loopback
        vars.put(Connection.TOKEN_VARIABLE, "shell-" + UUID.randomUUID());
        Environment inner = new Environment(vars, outer.stdin(), outer.stdinTerminal(), outer.stdoutTerminal(),
            outer.stderrTerminal(), outer.cwd(), outer.clock());
        return new ShellSession(inner, sandbox, profile + ":sandbox");
    }

    /** The environment commands run in: the outer one, plus the session sandbox's endpoint. */
    public Environment env() {
        return env;
    }

    public String prompt() {
        return "posctl[" + label + "]> ";
    }

    public boolean usesSandbox() {
        return sandbox != null;
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
