package dev.posctl.cli;

import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;

/** The process entry point: real environment, real streams, then exit with the command's code. */
public final class Main {
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
            System.exit(0);
        }
        FatalErrors.install(err);
        try {
            code = CommandLineFactory.create(Environment.system(), out, err, args).execute(args);
        } catch (Throwable t) {
            // last resort (an Error escaping picocli): one line, never a trace
            FatalErrors.end(err, t);
            return;
        }
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

    private static PrintWriter writer(FileDescriptor fd) {
        return OutputWriter.of(new FileOutputStream(fd));
    }
}
