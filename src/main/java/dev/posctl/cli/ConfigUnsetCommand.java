package dev.posctl.cli;

import dev.posctl.config.ConfigService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "unset", description = "Remove a key from the selected profile.")
public final class ConfigUnsetCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        boolean removed = new ConfigService(common.env()).unset(common.profileFlag(), key);
        common.note("posctl: " + key + (removed ? " unset" : " was not set"));
        return 0;
    }
}
