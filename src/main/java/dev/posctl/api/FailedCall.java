package dev.posctl.api;

import dev.posctl.core.PosctlException;
import dev.posctl.http.GraphError;

/** A call the server answered with an error: results keep its status, code and request id, not only the message. */
public final class FailedCall extends PosctlException {
    private static final long serialVersionUID = 1L;
    private final transient GraphError error;

    public FailedCall(int exitCode, String message, GraphError error) {
        super(exitCode, message);
        this.error = error;
    }

    public GraphError error() {
        return error;
    }
}
