package dev.posctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void controlsAndBidiOverridesAreShownEscaped() {
        assertEquals("\\u001b]0;title\\u0007\\u001b[2J", TerminalText.escape("\u001b]0;title\u0007\u001b[2J"));
        assertEquals("a\\nb\\rc\\td\\u0000\\u007f\\u009b\\u0085", TerminalText.escape("a\nb\rc\td\u0000\u007f\u009b\u0085"));
        assertEquals("x\\u202ey\\u2066z\\u2069\\u202a", TerminalText.escape("x\u202ey\u2066z\u2069\u202a"));
    }

    @Test
    void ordinaryTextIsUntouched() {
        String s = "Adèle Vance – 日本 \u00a0 \u200b ok";
        assertSame(s, TerminalText.escape(s));
        assertNull(TerminalText.escape(null));
    }
}
