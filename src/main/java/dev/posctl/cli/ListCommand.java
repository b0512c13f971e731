package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.posctl.api.Connection;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml, OutputFormat.ndjson})
@Command(name = "list", sortOptions = false, description = "List a user's positions (all pages).")
public final class ListCommand implements Callable<Integer> {
    @Option(names = {"-u", "--user"}, required = true, paramLabel = "USER", converter = NonBlank.class, description = "The user: object id, userPrincipalName or 'me'.")
    String user;

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
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        try (Connection c = endpoint.open(common)) {
            c.service().list(user).forEach(all::add);
        }
        dev.posctl.complete.IdCache.of(env).rememberPositions(user, all);
        Renderer.of(format, env.stdoutTerminal(), env.columns(), Views.POSITIONS).render(all, common.out());
        return 0;
    }
}
