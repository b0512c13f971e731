package dev.posctl.input;

import dev.posctl.json.Parsers;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a YAML document that never ends ({@code yes | posctl validate -f -}). SnakeYAML's own limit
 * on a document's size is checked only once the scanner gets to the end of a token, and a plain
 * scalar that goes on for ever has no end: it would fill the memory first. Counted in bytes here,
 * a document within SnakeYAML's limit (in characters, up to 4 bytes each in UTF-8) never trips it.
 */
final class YamlDocumentBound extends FilterInputStream {
    static final long MAX_BYTES = 4L * Parsers.MAX_YAML_DOCUMENT;
    private long read;
    private long documentStart;

    YamlDocumentBound(InputStream in) {
        super(in);
    }

    /** A new document begins (as far as the parser, which reads ahead a little, has got). */
    void documentStarts() {
        documentStart = read;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws TooLong {
        read += n;
        if (read - documentStart > MAX_BYTES) {
            throw new TooLong();
        }
    }

    /** Thrown from the stream: SnakeYAML wraps it in its own exception, where EditReader finds it. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super("a YAML document is larger than " + (MAX_BYTES >> 20) + " MiB, the most posctl reads");
        }
    }

    /** The TooLong among the causes of a parser's exception, or null. */
    static TooLong in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TooLong tooLong) {
                return tooLong;
            }
        }
        return null;
    }
}
