package dev.posctl.cli;

import dev.posctl.config.ConfigService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "set", description = {"Set a key in the selected profile (--profile NAME creates the profile if needed).",
    "Keys: endpoint, pathStyle, tenant, clientId, method, authority, scope, output, concurrency, maxRetries, "
        + "connectTimeout, timeout, retryBudget, tokenCommand, tokenFile, clientSecretFile, certificate."})
public final class ConfigSetCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE")
    String value;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        String profile = new ConfigService(common.env()).set(common.profileFlag(), key, value);
        common.note("posctl: profile " + profile + ": " + key + " set");
        return 0;
    }
}
