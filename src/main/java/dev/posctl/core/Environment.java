package dev.posctl.core;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * What posctl takes from the process around it: variables, stdin, whether the output streams are
 * terminals, the working directory and the clock. Tests build their own instead of touching the
 * real process.
 */
public final class Environment {
    private final Map<String, String> vars;
    private final InputStream stdin;
    private final boolean stdinTerminal;
    private final boolean stdoutTerminal;
    private final boolean stderrTerminal;
    private final Path cwd;
    private final Clock clock;
    private final boolean realProcess;

    public Environment(Map<String, String> vars, InputStream stdin, boolean stdinTerminal, boolean stdoutTerminal,
                       boolean stderrTerminal, Path cwd, Clock clock) {
        this.vars = Map.copyOf(vars);
        this.stdin = stdin;
        this.stdinTerminal = stdinTerminal;
        this.stdoutTerminal = stdoutTerminal;
        this.stderrTerminal = stderrTerminal;
        this.cwd = cwd;
        this.clock = clock;
        this.realProcess = false;
    }

    private Environment(Environment e, boolean realProcess) {
        this.vars = e.vars;
        this.stdin = e.stdin;
        this.stdinTerminal = e.stdinTerminal;
        this.stdoutTerminal = e.stdoutTerminal;
        this.stderrTerminal = e.stderrTerminal;
        this.cwd = e.cwd;
        this.clock = e.clock;
        this.realProcess = realProcess;
    }

    /**
     * This environment for commands run inside the process (a shell's lines): {@code name} set to
     * {@code value} (or removed for null), and never the real process, whose signals the shell keeps.
     */
    public Environment inner(String name, String value) {
        Map<String, String> v = new java.util.HashMap<>(vars);
        if (value == null) {
            v.remove(name);
        } else {
            v.put(name, value);
        }
        return new Environment(v, stdin, stdinTerminal, stdoutTerminal, stderrTerminal, cwd, clock);
    }

    /**
     * This environment as the process's own, whose signals posctl may take over: for a process that
     * is started for nothing else and builds its own environment (the start-up training).
     */
    public Environment asRealProcess() {
        return new Environment(this, true);
    }

    /** True only for the real process: then posctl may take over signals such as Ctrl-C. */
    public boolean isRealProcess() {
        return realProcess;
    }

    /** The real process's environment. */
    public static Environment system() {
        return new Environment(new Environment(System.getenv(), System.in, isTerminal(0), isTerminal(1), isTerminal(2),
            Path.of("").toAbsolutePath(), new SystemClock(null)), true);
    }

    /** Linux tells which file descriptor is a terminal through /proc; elsewhere fall back on System.console(). */
    private static boolean isTerminal(int fd) {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
            String t = target.toString();
            return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    public String get(String name) {
        String v = vars.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public Map<String, String> vars() {
        return vars;
    }

    public InputStream stdin() {
        return stdin;
    }

    /** Whether a person could answer a question (delete's confirmation); CI never can. */
    public boolean stdinTerminal() {
        return stdinTerminal;
    }

    public boolean stdoutTerminal() {
        return stdoutTerminal;
    }

    public boolean stderrTerminal() {
        return stderrTerminal;
    }

    public Path cwd() {
        return cwd;
    }

    public Clock clock() {
        return clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** https://no-color.org: any non-empty NO_COLOR turns colour off; so does a dumb terminal. */
    public boolean colorAllowed() {
        return get("NO_COLOR") == null && !"dumb".equals(get("TERM"));
    }

    /** Terminal width for tables: COLUMNS when set, else 120. */
    public int columns() {
        String c = get("COLUMNS");
        if (c != null) {
            try {
                return Math.max(20, Integer.parseInt(c.trim()));
            } catch (NumberFormatException e) {
                return 120;
            }
        }
        return 120;
    }

    /** A directory from an XDG variable, else its default under HOME, per the XDG base directory spec. */
    public Path xdg(String variable, String fallbackUnderHome) {
        String v = get(variable);
        if (v != null && Path.of(v).isAbsolute()) {
            return Path.of(v);
        }
        String home = get("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home")).resolve(fallbackUnderHome);
    }

    /**
     * The system clock with the default time zone looked up on first use: reading the zone rules
     * costs every start-up about 25 ms, and most runs only ever ask for instants.
     */
    private static final class SystemClock extends Clock {
        private ZoneId zone;

        SystemClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public synchronized ZoneId getZone() {
            if (zone == null) {
                zone = ZoneId.systemDefault();
            }
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new SystemClock(z);
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }
    }
}
