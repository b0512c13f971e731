package dev.posctl.cli;

import dev.posctl.complete.CachedValues;
import dev.posctl.complete.Candidate;
import dev.posctl.complete.Completer;
import dev.posctl.complete.IdCache;
import dev.posctl.complete.Words;
import dev.posctl.schema.Schema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the completion scripts call for values they cannot know: candidates, one per line. */
@Command(name = "__complete", hidden = true,
    description = "Print completion candidates for a command line (used by the completion scripts).")
public final class CompleteCommand implements Callable<Integer> {
    // one string rather than words, so values that look like options (--audience) are never parsed as ours
    @Option(names = "--line", required = true, paramLabel = "LINE", description = "The command line up to the cursor.")
    String line;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Words w = Words.split(line).withoutProgram();
        var env = common.env();
        Completer completer = new Completer(CommandLineFactory.completionModel(env), Schema.get(),
            new CachedValues(IdCache.of(env), env.cwd()));
        for (Candidate c : completer.complete(w.before(), w.current())) {
            common.out().println(c.value());
        }
        common.out().flush();
        return 0;
    }
}
