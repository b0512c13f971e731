package dev.posctl.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escapes every char below 0x20 anyway; this also escapes DEL, the C1 controls (0x9b is a
 * one-char CSI) and the bidi overrides and isolates, so JSON shown on a terminal cannot drive it
 * or disguise a value. The text still reads back as the same data.
 */
final class TerminalSafeEscapes extends CharacterEscapes {
    static final TerminalSafeEscapes INSTANCE = new TerminalSafeEscapes();
    private final int[] ascii;

    private TerminalSafeEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if ((ch >= 0x80 && ch <= 0x9f) || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069)) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
        return null;
    }
}
