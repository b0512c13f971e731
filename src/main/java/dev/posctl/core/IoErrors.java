package dev.posctl.core;

import java.io.IOException;

/** The operating system's words for an I/O failure, as a clause of a posctl message. */
public final class IoErrors {
    private IoErrors() {}

    /** "No space left on device" becomes "no space left on device". */
    public static String reason(IOException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "input/output error";
        }
        return m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1))
            ? Character.toLowerCase(m.charAt(0)) + m.substring(1) : m;
    }
}
