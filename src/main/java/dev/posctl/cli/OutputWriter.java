package dev.posctl.cli;

import dev.posctl.core.IoReasons;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's stdout or stderr. A PrintWriter swallows write errors (checkError says only that
 * one happened); this one also keeps the first, so a full disk or a closed pipe can be named.
 */
final class OutputWriter extends PrintWriter {
    private final Remembering stream;

    private OutputWriter(Remembering stream) {
        super(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16));
        this.stream = stream;
    }

    static OutputWriter of(OutputStream out) {
        return new OutputWriter(new Remembering(out));
    }

    /** Why writing failed, e.g. "no space left on device"; null if writing never failed. */
    static String failure(PrintWriter out) {
        if (!out.checkError()) {
            return null;
        }
        IOException e = out instanceof OutputWriter w ? w.stream.first : null;
        return e != null ? IoReasons.of(e) : "write error";
    }

    private static final class Remembering extends FilterOutputStream {
        private volatile IOException first;

        Remembering(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private void remember(IOException e) {
            if (first == null) {
                first = e;
            }
        }
    }
}
