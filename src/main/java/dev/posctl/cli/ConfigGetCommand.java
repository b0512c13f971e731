package dev.posctl.cli;

import dev.posctl.config.ConfigService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "get", description = {"Print one key of the selected profile.", "Exit 1 when the profile does not set it."})
public final class ConfigGetCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KEY", description = "A profile key, such as endpoint or tenant.")
    String key;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        String value = new ConfigService(common.env()).get(common.profileFlag(), key);
        if (value == null) {
            common.note("posctl: " + key + " is not set in the selected profile");
            return 1;
        }
        common.out().println(value);
        common.out().flush();
        return 0;
    }
}
