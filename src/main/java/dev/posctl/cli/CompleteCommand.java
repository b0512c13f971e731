package dev.posctl.cli;

import dev.posctl.complete.CachedValues;
import dev.posctl.complete.Candidate;
import dev.posctl.complete.Completer;
import dev.posctl.complete.IdCache;
import dev.posctl.complete.Words;
import dev.posctl.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the completion scripts call for values they cannot know: candidates, one per line. */
@Command(name = "__complete", hidden = true,
    description = "Print completion candidates for a command line (used by the completion scripts).")
public final class CompleteCommand implements Callable<Integer> {
    /** Longer than any line a person types; a cap so a stray stream cannot fill the heap. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    // one string rather than words, so values that look like options (--audience) are never parsed as ours;
    // the scripts send it on stdin, so a token typed on the line never shows in this process's arguments (ps)
    @Option(names = "--line", paramLabel = "LINE", description = "The command line up to the cursor (default: read from stdin).")
    String line;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var env = common.env();
        Words w = Words.split(line != null ? line : firstLine(env.stdin())).withoutProgram();
        Completer completer = new Completer(CommandLineFactory.completionModel(env), Schema.get(),
            new CachedValues(IdCache.of(env), env.cwd()));
        for (Candidate c : completer.complete(w.before(), w.current())) {
            common.out().println(c.value());
        }
        common.out().flush();
        return 0;
    }

    private static String firstLine(InputStream in) {
        try {
            String text = new String(in.readNBytes(MAX_LINE_BYTES), StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return nl >= 0 ? text.substring(0, nl) : text;
        } catch (IOException e) {
            // nothing to read: complete an empty line
            return "";
        }
    }
}
