package dev.posctl.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bytes that are not UTF-8 as it passes them on, knowing where they stand: the YAML
 * reader's own decoder can name neither the line nor the offset of a bad byte.
 */
final class Utf8Check extends FilterInputStream {
    /** A byte that is not UTF-8 text, at a 0-based offset and a 1-based line and column. */
    static final class NotUtf8 extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient long offset;
        private final transient int line;
        private final transient int column;

        NotUtf8(int b, long offset, int line, int column) {
            super(message(b, offset));
            this.offset = offset;
            this.line = line;
            this.column = column;
        }

        long offset() {
            return offset;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }

    private long offset;
    private int line = 1;
    private int column;
    /** Continuation bytes still owed by the current character, and the range its next one must fall in. */
    private int owed;
    /** The first byte of the current character: a character left unfinished is reported there. */
    private int lead;
    private long leadOffset;
    private int low = 0x80;
    private int high = 0xbf;

    Utf8Check(InputStream in) {
        super(in);
    }

    static String message(int b, long offset) {
        return String.format("not UTF-8 text (byte 0x%02x at offset %d)", b & 0xff, offset);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            check(b);
        } else if (owed > 0) {
            throw new NotUtf8(lead, leadOffset, line, column);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            check(buf[off + i] & 0xff);
        }
        if (n < 0 && owed > 0) {
            throw new NotUtf8(lead, leadOffset, line, column);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check(int b) throws NotUtf8 {
        if (owed > 0) {
            if (b < low || b > high) {
                throw new NotUtf8(lead, leadOffset, line, column);
            }
            owed--;
            low = 0x80;
            high = 0xbf;
        } else {
            column++;
            if (b == '\n') {
                line++;
                column = 0;
            } else if (b >= 0x80) {
                lead(b);
            }
        }
        offset++;
    }

    private void lead(int b) throws NotUtf8 {
        lead = b;
        leadOffset = offset;
        if (b >= 0xc2 && b <= 0xdf) {
            owed = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
            owed = 2;
            low = b == 0xe0 ? 0xa0 : 0x80;   // no overlong forms
            high = b == 0xed ? 0x9f : 0xbf;  // no surrogates
        } else if (b >= 0xf0 && b <= 0xf4) {
            owed = 3;
            low = b == 0xf0 ? 0x90 : 0x80;
            high = b == 0xf4 ? 0x8f : 0xbf;
        } else {
            throw new NotUtf8(b, offset, line, column);
        }
    }
}
