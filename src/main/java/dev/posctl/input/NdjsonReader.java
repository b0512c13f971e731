package dev.posctl.input;

import com.fasterxml.jackson.core.JsonParser;
import dev.posctl.json.Parsers;
import dev.posctl.validate.DocumentContext;
import dev.posctl.validate.Location;
import dev.posctl.validate.Problem;
import dev.posctl.validate.ProblemCode;
import dev.posctl.validate.ProblemSink;
import dev.posctl.validate.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * NDJSON in blocks of whole lines, parsed on every core and handed on in input order. A block is
 * parsed with one parser (fast); only a block with a syntax error is parsed again line by line,
 * so a bad line never hides the lines after it. Memory holds a few blocks, whatever the input size.
 */
final class NdjsonReader {
    static final int BLOCK = 1 << 20;
    /**
     * Blocks whose edits are kept until their turn hold about ten times their size in trees, and a
     * few are pending at once: a quarter of the size keeps a send run in a small heap (measured: a
     * 32 MB heap ran out with 1 MiB blocks, ~24,000 edits waiting) at no cost to its speed.
     */
    static final int ORDERED_BLOCK = 1 << 18;
    static final int MAX_LINE = 32 << 20;
    private final EditReader documents;
    private final Source source;
    private final boolean ordered;
    private final int block;

    /**
     * @param ordered hand edits on in input order with their lines; when false the consumer is
     *                called from the parsing threads at once (it must be thread-safe and may not
     *                rely on locations), and blocks keep no edits in memory
     */
    NdjsonReader(EditReader documents, Source source, boolean ordered) {
        this.documents = documents;
        this.source = source;
        this.ordered = ordered;
        this.block = ordered ? ORDERED_BLOCK : BLOCK;
    }

    /** A block that is not one object per line; the line-by-line pass reports where. */
    private static final class LayoutBreak extends IOException {
        private static final long serialVersionUID = 1L;

        LayoutBreak() {
            super("not one object per line");
        }
    }

    /** What one block yielded, with lines and documents counted from the block's start. */
    private record Block(ProblemSink problems, List<Edit> edits, int lines, int docs) {}

    void read(InputStream in, ProblemSink sink, Consumer<Edit> consumer) throws IOException {
        byte[] buf = new byte[block];
        int filled = fill(in, buf, 0);
        if (filled < buf.length) {
            deliver(parse(buf, filled, consumer, null, 0), 0, 0, sink, consumer);
            return;
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "posctl-ndjson");
            t.setDaemon(true);
            return t;
        });
        // blocks are recycled: a million lines pass through a handful of buffers
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(threads + 3);
        int allocated = 1;
        ArrayDeque<Future<Block>> pending = new ArrayDeque<>();
        int[] base = {0, 0};
        long consumed = 0;
        try {
            while (filled > 0) {
                boolean full = filled == buf.length;
                int len = full ? lastNewline(buf, filled) + 1 : filled;
                if (len == 0) {
                    if (buf.length >= MAX_LINE) {
                        throw new IOException("a line is longer than " + (MAX_LINE >> 20) + " MiB");
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                    filled = fill(in, buf, filled);
                    continue;
                }
                int rest = filled - len;
                byte[] next = free.poll();
                if (next == null && allocated < threads + 3) {
                    next = new byte[block];
                    allocated++;
                } else if (next == null) {
                    next = take(free);
                }
                if (next.length < rest + 1) {
                    next = new byte[buf.length];
                }
                System.arraycopy(buf, len, next, 0, rest);
                byte[] ready = buf;
                long at = consumed;
                consumed += len;
                pending.add(pool.submit(() -> parse(ready, len, consumer, free, at)));
                buf = next;
                filled = full ? fill(in, buf, rest) : 0;
                while (pending.size() > threads) {
                    drain(pending.poll(), base, sink, consumer);
                }
            }
            while (!pending.isEmpty()) {
                drain(pending.poll(), base, sink, consumer);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] take(BlockingQueue<byte[]> free) throws IOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void drain(Future<Block> f, int[] base, ProblemSink sink, Consumer<Edit> consumer) throws IOException {
        Block b;
        try {
            b = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();  // out of memory is not a fault of the input: the process says so and ends
            }
            throw new IOException(e.getCause());
        }
        deliver(b, base[0], base[1], sink, consumer);
        base[0] += b.lines;
        base[1] += b.docs;
    }

    private static void deliver(Block b, int lines, int docs, ProblemSink sink, Consumer<Edit> consumer) {
        sink.absorb(b.problems, lines, docs);
        for (Edit e : b.edits) {
            consumer.accept(e.shift(lines, docs));
        }
    }

    private Block parse(byte[] buf, int len, Consumer<Edit> consumer, BlockingQueue<byte[]> free, long blockStart) {
        int lines = countLines(buf, len);
        ProblemSink local = new ProblemSink(false, Integer.MAX_VALUE);
        List<Edit> edits = new ArrayList<>();
        int docs;
        try {
            docs = fast(buf, len, local, edits);
        } catch (IOException e) {
            local = new ProblemSink(false, Integer.MAX_VALUE);
            edits = new ArrayList<>();
            docs = byLine(buf, len, local, edits, blockStart);
        }
        if (free != null) {
            // every buffer handed out comes back as one, or the reader would wait for ever on the
            // free queue; one grown for a long line comes back as a fresh block of the usual size
            free.offer(buf.length == block ? buf : new byte[block]);
        }
        return done(local, edits, lines, docs, consumer);
    }

    private Block done(ProblemSink local, List<Edit> edits, int lines, int docs, Consumer<Edit> consumer) {
        if (ordered) {
            return new Block(local, edits, lines, docs);
        }
        edits.forEach(consumer);
        return new Block(local, List.of(), lines, docs);
    }

    /** One parser over the whole block; throws on the first syntax error. */
    private int fast(byte[] buf, int len, ProblemSink sink, List<Edit> edits) throws IOException {
        int doc = 0;
        int lastLine = 0;
        try (JsonParser p = Parsers.json().createParser(buf, 0, len)) {
            while (p.nextToken() != null) {
                DocumentContext ctx = new DocumentContext(source.name(), ++doc, 1, false, sink);
                documents.document(p, ctx, edits::add);
                int startLine = ctx.startLine();
                int endLine = ((com.fasterxml.jackson.core.base.ParserBase) p).getTokenLineNr();
                if (startLine == lastLine || endLine != startLine) {
                    // not one object per line: let the line-by-line pass say exactly where
                    throw new LayoutBreak();
                }
                lastLine = endLine;
            }
        }
        return doc;
    }

    private int byLine(byte[] buf, int len, ProblemSink sink, List<Edit> edits, long blockStart) {
        int doc = 0;
        int line = 0;
        int start = 0;
        for (int i = 0; i <= len; i++) {
            if (i < len && buf[i] != '\n') {
                continue;
            }
            line++;
            int end = i > start && buf[i - 1] == '\r' ? i - 1 : i;
            if (i == len && start == len) {
                break;
            }
            if (!isBlank(buf, start, end)) {
                doc = oneLine(buf, start, end - start, line, ++doc, sink, edits, blockStart);
            }
            start = i + 1;
        }
        return doc;
    }

    private int oneLine(byte[] buf, int off, int len, int line, int doc, ProblemSink sink, List<Edit> edits, long blockStart) {
        DocumentContext ctx = new DocumentContext(source.name(), doc, line, false, sink);
        try (JsonParser p = Parsers.json().createParser(buf, off, len)) {
            p.nextToken();
            if (documents.document(p, ctx, edits::add) != null && p.nextToken() != null) {
                problem(sink, ctx.locate(p), "more than one JSON value on this line (NDJSON holds one object per line)");
            }
        } catch (IOException e) {
            // lines are counted from the block here, so a message names columns on this line only
            SyntaxErrors.Found found = SyntaxErrors.describe(e, SyntaxErrors.SAME_LINE, blockStart + off);
            problem(sink, found.at() != null ? ctx.locate(found.at()) : ctx.start(), found.message());
        }
        return doc;
    }

    private static void problem(ProblemSink sink, Location at, String message) {
        sink.add(new Problem(at, Severity.ERROR, ProblemCode.SYNTAX, "", message));
    }

    private static int fill(InputStream in, byte[] buf, int from) throws IOException {
        int n = from;
        while (n < buf.length) {
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private static int lastNewline(byte[] buf, int len) {
        for (int i = len - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int countLines(byte[] buf, int len) {
        int n = 0;
        for (int i = 0; i < len; i++) {
            if (buf[i] == '\n') {
                n++;
            }
        }
        return len > 0 && buf[len - 1] != '\n' ? n + 1 : n;
    }

    static boolean isBlank(byte[] b, int off, int end) {
        for (int i = off; i < end; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
