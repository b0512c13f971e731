package dev.posctl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.posctl.core.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {
    static Outcome failed(int code) {
        return Outcome.failed(null, "u", "p1", 0, null, "x", null, code);
    }

    static Outcome updated() {
        return new Outcome(null, "u", "p2", Outcome.Status.updated, 200, List.of(), null, null, null, null, null, 0);
    }

    @Test
    void noFailureEverExitsZero() {
        for (int code : new int[] {ExitCode.INVALID_INPUT, ExitCode.REJECTED, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.CONFIG,
            ExitCode.INTERNAL, ExitCode.INTERRUPTED}) {
            assertEquals(code, Outcome.exitCode(List.of(updated(), failed(code), updated())), "exit code " + code);
        }
        assertEquals(ExitCode.OK, Outcome.exitCode(List.of(updated())));
    }

    @Test
    void theWorstFailureNamesTheExitCode() {
        assertEquals(ExitCode.INTERNAL, Outcome.exitCode(List.of(failed(ExitCode.UNREACHABLE), failed(ExitCode.INTERNAL),
            failed(ExitCode.REJECTED))));
        assertEquals(ExitCode.UNREACHABLE, Outcome.exitCode(List.of(failed(ExitCode.REJECTED), failed(ExitCode.UNREACHABLE),
            failed(ExitCode.AUTH))));
        assertEquals(ExitCode.AUTH, Outcome.worse(ExitCode.REJECTED, ExitCode.AUTH));
        assertEquals(ExitCode.REJECTED, Outcome.worse(ExitCode.REJECTED, ExitCode.INVALID_INPUT), "a tie keeps the first");
    }
}
