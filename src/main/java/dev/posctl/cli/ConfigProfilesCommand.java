package dev.posctl.cli;

import dev.posctl.config.ConfigService;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml})
@Command(name = "profiles", description = "List the profiles; current marks the one commands use.")
public final class ConfigProfilesCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var env = common.env();
        OutputFormat f = output.resolve(env.stdoutTerminal());
        Renderer.of(f, env.stdoutTerminal(), env.columns(), List.of("name", "current", "endpoint", "tenant"))
            .render(new ConfigService(env).profiles(), common.out());
        common.out().flush();
        return 0;
    }
}
