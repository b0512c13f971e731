package dev.posctl.core;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read, without the path the JDK puts in its messages: the caller names
 * the file already, and saying it twice (or a class name) helps nobody.
 */
public final class IoReasons {
    private IoReasons() {}

    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return lower(((FileSystemException) e).getReason());
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "input/output error";
        }
        int paren = m.lastIndexOf(" (");
        if (e instanceof FileNotFoundException && paren >= 0 && m.endsWith(")")) {
            return lower(m.substring(paren + 2, m.length() - 1));  // "PATH (Permission denied)"
        }
        // other messages are the system's words ("Is a directory", "No space left on device")
        String plain = m.replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error):?\\s*", "");
        return plain.isBlank() ? "input/output error" : lower(plain);
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
