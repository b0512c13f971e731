package dev.posctl.http;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;

/**
 * A request that is not safe to repeat (POST) failed after it was sent: the server may or may not
 * have done it, so it is not retried and the caller says what to check (exit 4).
 */
public final class OutcomeUnknown extends PosctlException {
    private static final long serialVersionUID = 1L;

    public OutcomeUnknown(String message) {
        super(ExitCode.REJECTED, message);
    }
}
