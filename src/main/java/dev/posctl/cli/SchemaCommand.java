package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.output.JsonRenderer;
import dev.posctl.output.OutputFormat;
import dev.posctl.output.Renderer;
import dev.posctl.schema.JsonSchemaExporter;
import dev.posctl.schema.Schema;
import dev.posctl.schema.SchemaExplainer;
import dev.posctl.validate.Suggest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Formats(value = {OutputFormat.text, OutputFormat.json, OutputFormat.yaml}, terminal = OutputFormat.text)
@Command(name = "schema", sortOptions = false,
    description = {"Explain the workPosition schema: a type or a field, its fields and enum members.",
        "Examples: posctl schema detail.company, posctl schema allowedAudiences, posctl schema --json-schema > edit.schema.json"})
public final class SchemaCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PATH", completionCandidates = SchemaCandidates.Paths.class,
        description = "A field path (detail.company.displayName) or a type name (companyDetail); none for the whole edit.")
    String path;

    @Option(names = "--json-schema",
        description = "Print a JSON Schema (draft 2020-12) of an edit document, or of the part PATH names, for editors.")
    boolean jsonSchema;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Schema schema = Schema.get();
        ObjectNode explained = jsonSchema ? new JsonSchemaExporter(schema).export(path) : new SchemaExplainer(schema).explain(path);
        if (explained == null) {
            String hint = Suggest.path(schema, path);
            throw new PosctlException(ExitCode.USAGE, "no field or type \"" + path + "\" in the workPosition schema"
                + (hint != null ? " (did you mean " + hint + "?)" : "") + "; posctl schema lists the fields");
        }
        if (jsonSchema) {
            new JsonRenderer(true).render(explained, common.out());
            return ExitCode.OK;
        }
        var env = common.env();
        OutputFormat format = output.resolve(env.stdoutTerminal());
        if (format == OutputFormat.text) {
            SchemaExplainer.print(explained, common.out());
        } else {
            Renderer.of(format, env.stdoutTerminal(), env.columns(), List.of()).render(explained, common.out());
        }
        return ExitCode.OK;
    }
}
