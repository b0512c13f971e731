package dev.posctl.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding them, so NDJSON lines go to the JSON parser as
 * bytes and a million lines cost no String allocation.
 */
final class LineReader {
    interface LineHandler {
        void line(byte[] buf, int offset, int length, int lineNumber) throws IOException;
    }

    static final int MAX_LINE = 32 << 20;
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];

    LineReader(InputStream in) {
        this.in = in;
    }

    void forEach(LineHandler handler) throws IOException {
        int start = 0;
        int end = 0;
        int line = 0;
        while (true) {
            int nl = indexOf(buf, start, end);
            if (nl >= 0) {
                handler.line(buf, start, trimCr(buf, start, nl), ++line);
                start = nl + 1;
                continue;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                if (buf.length >= MAX_LINE) {
                    throw new IOException("line " + (line + 1) + " is longer than " + (MAX_LINE >> 20) + " MiB");
                }
                byte[] bigger = new byte[buf.length * 2];
                System.arraycopy(buf, 0, bigger, 0, end);
                buf = bigger;
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                if (end > start) {
                    handler.line(buf, start, trimCr(buf, start, end), ++line);
                }
                return;
            }
            end += n;
        }
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int trimCr(byte[] b, int start, int end) {
        return end > start && b[end - 1] == '\r' ? end - 1 - start : end - start;
    }
}
