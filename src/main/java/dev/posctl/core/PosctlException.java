package dev.posctl.core;

/** A failure with a message meant for the user and the exit code it maps to. */
public class PosctlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public PosctlException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public PosctlException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
