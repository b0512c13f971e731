package dev.posctl.cli;

import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.http.HttpWarmup;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;

/** The process entry point: real environment, real streams, then exit with the command's code. */
public final class Main {
    private static final Set<String> NETWORKED = Set.of("update", "undo", "get", "list", "create", "delete", "diff", "apply",
        "export", "whoami");

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = writer(FileDescriptor.out);
        PrintWriter err = writer(FileDescriptor.err);
        int code;
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // the one answer that needs no command tree (picocli would reflect over every command
            // first), nor picocli at all: VersionProvider prints the same lines in the tree
            for (String line : dev.posctl.core.Version.lines()) {
                out.println(line);
            }
            out.flush();
            // return, not System.exit: on Java 21 and later exit() first looks up a System.Logger to log
            // the call (JDK-8301627), loading the logging classes and spinning method handles, some 10 ms
            // of this answer's 45; nothing else runs yet, so the JVM ends here with 0
            return;
        }
        StartupWarmup.start();
        HttpWarmup warmup = sendsRequests(args) && HttpWarmup.pays(HttpWarmup.loadavg(), Runtime.getRuntime().availableProcessors())
            ? HttpWarmup.start(mayUseTls(args, System.getenv())) : null;
        FatalErrors.install(err);
        try {
            code = CommandLineFactory.create(Environment.system(), out, err, args).execute(args);
        } catch (Throwable t) {
            // last resort (an Error escaping picocli): one line, never a trace
            stop(warmup);
            FatalErrors.end(err, t);
            return;
        }
        stop(warmup);
        out.flush();
        String failure = OutputWriter.failure(out);
        if (failure != null && code == ExitCode.OK) {
            // data that did not reach stdout is not a success (commands that write much check themselves)
            err.println("posctl: cannot write the output: " + failure);
            code = ExitCode.CONFIG;
        }
        err.flush();
        System.exit(code);
    }

    /**
     * The commands whose first request a warm-up on a second core brings forward (see HttpWarmup);
     * asking one of them for help sends nothing.
     */
    static boolean sendsRequests(String... args) {
        String command = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                command = a;
                break;
            }
        }
        if (command == null || !NETWORKED.contains(command)) {
            return false;
        }
        for (String a : args) {
            if ("--".equals(a)) {
                break;
            }
            if ("-h".equals(a) || "--help".equals(a)) {
                return false;
            }
        }
        return true;
    }

    /** Unless the endpoint is plainly loopback http or the sandbox, the first request may be https. */
    static boolean mayUseTls(String[] args, Map<String, String> vars) {
        String endpoint = vars.get("POSCTL_ENDPOINT");
        for (int i = 0; i < args.length; i++) {
            if ("--".equals(args[i])) {
                break;
            }
            if ("--endpoint".equals(args[i]) && i + 1 < args.length) {
                endpoint = args[i + 1];
            } else if (args[i].startsWith("--endpoint=")) {
                endpoint = args[i].substring("--endpoint=".length());
            }
        }
        return endpoint == null || !(endpoint.equals("sandbox") || endpoint.regionMatches(true, 0, "http://", 0, 7));
    }

    private static void stop(HttpWarmup warmup) {
        if (warmup != null) {
            warmup.stop();
        }
    }

    static PrintWriter writer(FileDescriptor fd) {
        return OutputWriter.of(new FileOutputStream(fd));
    }
}
