package dev.posctl.cli;

import dev.posctl.core.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command tree in-process with a controlled environment. */
public final class Cli {
    public static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final Path cwd;
    private final Map<String, String> vars = new HashMap<>();
    private String stdin = "";
    private boolean terminal;

    public Cli(Path dir) {
        this.cwd = dir;
        vars.put("HOME", dir.toString());
        vars.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        vars.put("XDG_DATA_HOME", dir.resolve("data").toString());
        vars.put("XDG_STATE_HOME", dir.resolve("state").toString());
    }

    public Cli stdin(String text) {
        this.stdin = text;
        return this;
    }

    public Cli terminal(boolean on) {
        this.terminal = on;
        return this;
    }

    public Cli env(String name, String value) {
        vars.put(name, value);
        return this;
    }

    public Environment environment() {
        return new Environment(vars, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal, terminal, terminal,
            cwd, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the tree main builds for these arguments, so tests see what users see
        int code = CommandLineFactory.create(environment(), new PrintWriter(out), new PrintWriter(err), args).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    public record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
