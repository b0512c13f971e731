package dev.posctl.cli;

import dev.posctl.api.Connection;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson})
@Command(name = "get", sortOptions = false, description = "Show one position.")
public final class GetCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var env = common.env();
        OutputFormat format = output.resolve(env.stdoutTerminal());
        try (Connection c = endpoint.open(common)) {
            Renderer.of(format, env.stdoutTerminal(), env.columns(), Views.POSITIONS)
                .render(c.service().get(target.user, target.id), common.out());
        }
        return 0;
    }
}
