package dev.posctl.cli;

import dev.posctl.config.ConfigService;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Formats(value = {OutputFormat.table, OutputFormat.json, OutputFormat.yaml}, terminal = OutputFormat.table)
@Command(name = "view", description = {"Show the configuration file (YAML by default).",
    "With --resolved: every setting of the selected profile as it applies now, and where it comes from."})
public final class ConfigViewCommand implements Callable<Integer> {
    @Option(names = "--resolved", description = "Show the effective value and source of every key for the selected profile.")
    boolean resolved;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var env = common.env();
        ConfigService service = new ConfigService(env);
        if (resolved) {
            OutputFormat f = output.resolve(env.stdoutTerminal());
            Renderer.of(f, env.stdoutTerminal(), env.columns(), List.of("key", "value", "source"))
                .render(service.resolved(common.profileFlag()), common.out());
        } else {
            // the whole file is nested: no table of it
            OutputFormat f = output.resolve(OutputFormat.yaml, OutputOptions.of(OutputFormat.json, OutputFormat.yaml));
            Renderer.of(f, env.stdoutTerminal(), env.columns(), List.of()).render(service.view(), common.out());
        }
        common.out().flush();
        return 0;
    }
}
