package dev.posctl.complete;

import java.nio.file.Path;
import java.util.List;

/** Dynamic values from the id cache and the working directory alone: no request, so answers are instant. */
public final class CachedValues implements DynamicValues {
    private final IdCache cache;
    private final Path cwd;

    public CachedValues(IdCache cache, Path cwd) {
        this.cache = cache;
        this.cwd = cwd;
    }

    @Override
    public List<String> users() {
        return cache.users();
    }

    @Override
    public List<String> positions(String user) {
        return cache.positions(user);
    }

    @Override
    public List<String> files(String prefix) {
        return LocalFiles.complete(cwd, prefix);
    }
}
