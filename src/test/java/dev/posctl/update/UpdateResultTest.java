package dev.posctl.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.posctl.core.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateResultTest {
    static UpdateResult failed(int code) {
        return UpdateResult.failed(null, "u", "p1", 0, null, "x", null, code);
    }

    static UpdateResult updated() {
        return new UpdateResult(null, "u", "p2", UpdateResult.Status.updated, 200, List.of(), null, null, null, null, null, 0);
    }

    @Test
    void noFailureEverExitsZero() {
        for (int code : new int[] {ExitCode.INVALID_INPUT, ExitCode.REJECTED, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.CONFIG,
            ExitCode.INTERNAL, ExitCode.INTERRUPTED}) {
            assertEquals(code, UpdateResult.exitCode(List.of(updated(), failed(code), updated())), "exit code " + code);
        }
        assertEquals(ExitCode.OK, UpdateResult.exitCode(List.of(updated())));
    }

    @Test
    void theWorstFailureNamesTheExitCode() {
        assertEquals(ExitCode.INTERNAL, UpdateResult.exitCode(List.of(failed(ExitCode.UNREACHABLE), failed(ExitCode.INTERNAL),
            failed(ExitCode.REJECTED))));
        assertEquals(ExitCode.UNREACHABLE, UpdateResult.exitCode(List.of(failed(ExitCode.REJECTED), failed(ExitCode.UNREACHABLE),
            failed(ExitCode.AUTH))));
        assertEquals(ExitCode.AUTH, UpdateResult.worse(ExitCode.REJECTED, ExitCode.AUTH));
        assertEquals(ExitCode.REJECTED, UpdateResult.worse(ExitCode.REJECTED, ExitCode.INVALID_INPUT), "a tie keeps the first");
    }
}
