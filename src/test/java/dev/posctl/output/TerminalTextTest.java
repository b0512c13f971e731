package dev.posctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void controlAndBidiCharactersBecomeVisibleEscapes() {
        assertEquals("a\\nb\\rc\\td", TerminalText.escape("a\nb\rc\td"));
        assertEquals("\\u001b[31mred\\u0007", TerminalText.escape("\u001b[31mred\u0007"));
        assertEquals("\\u0000\\u001f\\u007f\\u0080\\u009b2J\\u009f", TerminalText.escape("\u0000\u001f\u007f\u0080\u009b2J\u009f"));
        assertEquals("\\u202aa\\u202eb\\u2066c\\u2069", TerminalText.escape("\u202aa\u202eb\u2066c\u2069"));
    }

    @Test
    void safeTextIsReturnedAsIs() {
        String s = "Contoso \u00e9\u00a0\u2029\u2065\u206a\u202f \u65e5\u672c \ud83d\ude00 ~";
        assertSame(s, TerminalText.escape(s));
        assertNull(TerminalText.escape(null));
    }
}
