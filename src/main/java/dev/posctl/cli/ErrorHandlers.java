package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear line and a documented exit code; a trace (redacted) only with --verbose.
 * Only posctl's own messages are shown, with terminal controls escaped.
 */
final class ErrorHandlers {
    private ErrorHandlers() {}

    static final class Usage implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            if (ex.getCause() instanceof PosctlException) {
                // a broken config file found while picocli applied the profile's defaults
                err.println("posctl: " + SafeText.lines(ex.getCause().getMessage()));
                err.flush();
                return ((PosctlException) ex.getCause()).exitCode();
            }
            String message = ex.getMessage();
            if (ex instanceof CommandLine.UnmatchedArgumentException) {
                // a mistyped --tokn=VALUE is quoted whole: the value may be a token
                message = message.replaceAll("(--[A-Za-z0-9-]+=)[^',]*", "$1[REDACTED]");
            }
            err.println("posctl: " + SafeText.lines(message));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCode.USAGE;
        }
    }

    static final class Execution implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
            PrintWriter err = cl.getErr();
            int code;
            if (ex instanceof PosctlException) {
                err.println("posctl: " + SafeText.lines(ex.getMessage()));
                code = ((PosctlException) ex).exitCode();
            } else if (ex instanceof ParameterException) {
                return new Usage().handleParseException((ParameterException) ex, new String[0]);
            } else {
                // never the exception's own message: a library's can quote a header value or file content
                err.println("posctl: internal error (a bug: please report it" + (verbose(parsed) ? ")" : "; run with --verbose for details)"));
                code = ExitCode.INTERNAL;
            }
            if (verbose(parsed)) {
                SafeText.trace(ex, err);
            }
            err.flush();
            return code;
        }

        private static boolean verbose(ParseResult parsed) {
            for (ParseResult p = parsed; p != null; p = p.subcommand()) {
                if (p.hasMatchedOption("--verbose") || p.hasMatchedOption("--debug")) {
                    return true;
                }
            }
            return false;
        }
    }
}
