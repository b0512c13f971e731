package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What reaches stderr when a command fails: never a library's message that quotes a header, file or body. */
class ErrorOutputTest {
    /** What java.net.http says about a token with a line break in it. */
    static final String HEADER_FAILURE = "invalid header value: \"Bearer eyJsecret.part\nsecond.line\"";

    @Command(name = "failing")
    static final class Failing implements Callable<Integer> {
        @Option(names = "--verbose")
        boolean verbose;

        @Option(names = "--posctl")
        boolean posctl;

        @Override
        public Integer call() {
            if (posctl) {
                throw new PosctlException(ExitCode.REJECTED, "the server said: \u001b]0;owned\u0007 nope\u202e",
                    new IllegalArgumentException(HEADER_FAILURE));
            }
            throw new IllegalStateException("wrapped", new IllegalArgumentException(HEADER_FAILURE));
        }
    }

    static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Failing()).setErr(new PrintWriter(err))
            .setExecutionExceptionHandler(new ErrorHandlers.Execution());
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void anInternalErrorSaysNoMessageAndNoClassNameAndItsVerboseTraceIsRedacted() {
        String[] r = run();
        assertEquals("70", r[0]);
        assertEquals("posctl: internal error (a bug: please report it; run with --verbose for details)\n", r[1]);

        r = run("--verbose");
        assertEquals("70", r[0]);
        assertTrue(r[1].contains("invalid header value: [REDACTED]"), r[1]);
        assertTrue(r[1].contains("\tat dev.posctl.cli.ErrorOutputTest$Failing.call"), r[1]);
        assertFalse(r[1].contains("secret") || r[1].contains("second.line"), r[1]);
    }

    @Test
    void posctlMessagesShowTerminalControlsEscapedAndTheirCausesRedacted() {
        String[] r = run("--posctl", "--verbose");
        assertEquals("4", r[0]);
        assertTrue(r[1].startsWith("posctl: the server said: \\u001b]0;owned\\u0007 nope\\u202e\n"), r[1]);
        assertFalse(r[1].contains("\u001b") || r[1].contains("\u202e") || r[1].contains("secret"), r[1]);
    }

    @Test
    void aFatalErrorOrABackgroundFailureQuotesNothing() {
        String said = FatalErrors.describe(new InternalError("Bearer eyJsecret.part"));
        assertEquals("posctl: internal error (a bug: please report it)", said);
    }

    @Test
    void aMistypedOptionIsQuotedWithoutItsValue(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Cli.Result r = new Cli(dir).run("get", "--user", "a@b.c", "--id", "p1", "--tokn=eyJsecret.part.x");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("--tokn=[REDACTED]"), r.err());
        assertFalse(r.err().contains("eyJsecret"), r.err());
    }
}
