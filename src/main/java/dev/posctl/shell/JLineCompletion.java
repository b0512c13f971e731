package dev.posctl.shell;

import dev.posctl.complete.Completer;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** posctl's completion engine behind JLine's Tab. */
final class JLineCompletion implements org.jline.reader.Completer {
    private final Completer completer;

    JLineCompletion(Completer completer) {
        this.completer = completer;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> before = line.words().subList(0, line.wordIndex()).stream()
            .filter(w -> !w.isEmpty()).toList();
        if (!before.isEmpty() && before.get(0).equals("posctl")) {
            before = before.subList(1, before.size());
        }
        String current = line.word().substring(0, line.wordCursor());
        for (dev.posctl.complete.Candidate c : completer.complete(before, current)) {
            candidates.add(new Candidate(c.value(), c.value(), null, c.description(), null, null, c.complete()));
        }
    }
}
