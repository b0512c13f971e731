package dev.posctl.shell;

import dev.posctl.complete.IdCache;
import dev.posctl.complete.LocalFiles;
import dev.posctl.complete.DynamicValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The shell's dynamic values: the id cache, plus position ids fetched in the background. Tab waits
 * at most a moment for a fetch; a slow endpoint only means the ids show up on a later Tab.
 */
public final class PositionIds implements DynamicValues, AutoCloseable {
    private final IdCache cache;
    private final Path cwd;
    private final Function<String, List<String>> fetch;
    private final long waitMillis;
    private final Map<String, CompletableFuture<List<String>>> fetches = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "posctl-complete");
        t.setDaemon(true);
        return t;
    });

    public PositionIds(IdCache cache, Path cwd, Function<String, List<String>> fetch, long waitMillis) {
        this.cache = cache;
        this.cwd = cwd;
        this.fetch = fetch;
        this.waitMillis = waitMillis;
    }

    @Override
    public List<String> users() {
        return cache.users();
    }

    @Override
    public List<String> positions(String user) {
        CompletableFuture<List<String>> f = fetches.computeIfAbsent(user, u -> CompletableFuture.supplyAsync(() -> {
            List<String> ids = fetch.apply(u);
            cache.remember(u, ids);
            return ids;
        }, pool));
        try {
            List<String> fetched = f.get(waitMillis, TimeUnit.MILLISECONDS);
            return fetched.isEmpty() ? cache.positions(user) : fetched;
        } catch (Exception e) {
            if (f.isCompletedExceptionally()) {
                fetches.remove(user, f);
            }
            return cache.positions(user);
        }
    }

    @Override
    public List<String> files(String prefix) {
        return LocalFiles.complete(cwd, prefix);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
