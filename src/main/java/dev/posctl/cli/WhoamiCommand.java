package dev.posctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.posctl.auth.TokenResolver;
import dev.posctl.auth.Whoami;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Formats({OutputFormat.table, OutputFormat.json, OutputFormat.yaml})
@Command(name = "whoami", sortOptions = false,
    description = {"Show who the access token belongs to: tenant, user or app, expiry, scopes or roles.",
        "The token is decoded, not verified; warns when it cannot write positions."})
public final class WhoamiCommand implements Callable<Integer> {
    @Mixin
    EndpointOptions endpoint;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    /** One row per field reads better than a table many columns wide. */
    static JsonNode fieldPerRow(JsonNode data) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        data.fields().forEachRemaining(e -> {
            StringBuilder v = new StringBuilder();
            if (e.getValue().isArray()) {
                e.getValue().forEach(x -> v.append(v.length() > 0 ? " " : "").append(x.asText()));
            } else if (!e.getValue().isNull()) {
                v.append(e.getValue().asText());
            }
            rows.addObject().put("field", e.getKey()).put("value", v.toString());
        });
        return rows;
    }

    @Override
    public Integer call() {
        var env = common.env();
        OutputFormat f = output.resolve(env.stdoutTerminal());
        TokenResolver.Token token = TokenResolver.resolve(endpoint.credentials(), env, common.err());
        if (token == null) {
            throw new PosctlException(ExitCode.AUTH, "no access token: run posctl login, or set POSCTL_TOKEN or --token-file");
        }
        Whoami.Report report = Whoami.describe(token.value(), token.source(), env.clock().instant());
        Renderer.of(f, env.stdoutTerminal(), env.columns(), List.of())
            .render(f == OutputFormat.table ? fieldPerRow(report.data()) : report.data(), common.out());
        common.out().flush();
        report.warnings().forEach(w -> common.err().println("posctl: warning: " + w));
        common.err().flush();
        return 0;
    }
}
