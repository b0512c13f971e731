package dev.posctl.cli;

import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.input.EditInputs;
import dev.posctl.input.SourceResolver;
import dev.posctl.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -f/--file}: where edits come from. */
public final class InputOptions {
    @Option(names = {"-f", "--file"}, paramLabel = "PATH",
        description = "Edits to read: a .json, .ndjson/.jsonl or .yaml/.yml file, a directory of them, or - for stdin (format sniffed). Repeatable.")
    List<String> files = new ArrayList<>();

    public List<String> files() {
        return files;
    }

    /** The sources and flags of one command; with neither, there is nothing to do. */
    public EditInputs toInputs(Environment env, EditOptions edit) {
        return toInputs(env, edit, true);
    }

    public EditInputs toInputs(Environment env, EditOptions edit, boolean requireId) {
        if (files.isEmpty() && edit.isEmpty()) {
            throw new PosctlException(ExitCode.USAGE,
                "no edits given: use -f FILE (or -f - for stdin), or flags such as --user U --id ID --job-title T");
        }
        Schema schema = Schema.get();
        return new EditInputs(schema, new SourceResolver(env.cwd()).resolve(files), edit.toBuilder(schema), requireId);
    }
}
