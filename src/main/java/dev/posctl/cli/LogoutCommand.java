package dev.posctl.cli;

import dev.posctl.auth.TokenCache;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "logout", description = "Forget the selected profile's signed-in tokens (removes its token cache).")
public final class LogoutCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        String name = common.profile().cacheName();
        boolean removed = TokenCache.delete(common.env(), name);
        common.note("posctl: " + (removed ? "signed out of profile " + name : "profile " + name + " was not signed in"));
        return 0;
    }
}
