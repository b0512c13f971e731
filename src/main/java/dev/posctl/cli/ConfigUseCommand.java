package dev.posctl.cli;

import dev.posctl.config.ConfigService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "use", description = "Make a profile the current one.")
public final class ConfigUseCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROFILE")
    String name;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        new ConfigService(common.env()).use(name);
        common.note("posctl: current profile: " + name);
        return 0;
    }
}
