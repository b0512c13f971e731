package dev.posctl.run;

import dev.posctl.core.PosctlException;
import dev.posctl.http.BatchClient;
import dev.posctl.http.GraphClient;
import dev.posctl.http.GraphPaths;
import dev.posctl.http.GraphResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the requests of a {@link Sequence} travel: each on its own, or up to 20 in one {@code $batch}.
 * Either way every item gets an answer or the error that stood in its way, so one failed request
 * never takes the answers of others with it.
 */
public interface Transport {
    /** An item's answer, or why there is none. */
    record Answer(GraphResponse response, PosctlException error) {}

    /** The answers, in the order of the items. */
    List<Answer> execute(List<BatchClient.Item> items);

    /** Up to {@link BatchClient#MAX_ITEMS} items in one {@code $batch}; a batch that fails fails each of its items. */
    static Transport batched(BatchClient batch) {
        return items -> {
            try {
                List<Answer> answers = new ArrayList<>(items.size());
                batch.execute(items).forEach(r -> answers.add(new Answer(r, null)));
                return answers;
            } catch (PosctlException e) {
                return Collections.nCopies(items.size(), new Answer(null, e));
            }
        };
    }

    /** One request per item, with {@link GraphClient}'s retries (a POST only when it provably never arrived). */
    static Transport single(GraphClient client, GraphPaths paths) {
        return items -> {
            List<Answer> answers = new ArrayList<>(items.size());
            for (BatchClient.Item item : items) {
                try {
                    answers.add(new Answer(client.send(item.method(), paths.absolute(item.url()), item.body(),
                        !"POST".equals(item.method())), null));
                } catch (PosctlException e) {
                    answers.add(new Answer(null, e));
                }
            }
            return answers;
        };
    }
}
