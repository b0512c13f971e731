package dev.posctl.edit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.input.Edit;
import dev.posctl.input.EditInputs;
import dev.posctl.input.Format;
import dev.posctl.input.OverlayBuilder;
import dev.posctl.input.Source;
import dev.posctl.output.YamlRenderer;
import dev.posctl.schema.Schema;
import dev.posctl.validate.Problem;
import dev.posctl.validate.ProblemSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code posctl edit}, like {@code kubectl edit}: the position as YAML in the user's editor; a
 * save that does not validate comes back with the problems as comments at the top, an empty or
 * unchanged file sends nothing.
 */
public final class EditSession {
    static final String PROBLEMS = "# posctl: this edit has problems; fix them and save, or empty the file to cancel:";
    private static final int MAX_ROUNDS = 20;

    /** Runs the editor on a file and waits for it. */
    public interface Editor {
        void edit(Path file) throws IOException, InterruptedException;
    }

    private final Editor editor;
    private final LocalDate today;

    public EditSession(Editor editor, LocalDate today) {
        this.editor = editor;
        this.today = today;
    }

    /** The edit to send, or null when the user cancelled or changed nothing. */
    public Edit run(String user, String id, JsonNode position) {
        String original = yaml(position);
        Path file = null;
        try {
            file = Files.createTempFile("posctl-edit-", ".yaml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            String text = header(user, id) + original;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                editor.edit(file);
                String body = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
                if (body.isBlank() || body.equals(withoutComments(original))) {
                    return null;
                }
                ProblemSink sink = new ProblemSink(false);
                List<Edit> edits = new ArrayList<>();
                OverlayBuilder addressing = new OverlayBuilder(Schema.get()).put(Schema.USER_ID, user, "--user").put("id", id, "--id");
                Files.writeString(file, body, StandardCharsets.UTF_8);
                new EditInputs(Schema.get(), List.of(new Source(file.getFileName().toString(), file, Format.YAML)), addressing)
                    .read(sink, null, () -> today, edits::add);
                boolean sameId = edits.size() != 1 || id.equals(edits.get(0).id());
                if (!sink.hasErrors() && edits.size() == 1 && sameId) {
                    return edits.get(0);
                }
                text = problems(sink, edits.size()) + (sameId ? "" : "#   id: the id cannot change here (it must stay " + id + ")\n") + body;
            }
            throw new PosctlException(ExitCode.INVALID_INPUT, "gave up after " + MAX_ROUNDS + " rounds of invalid edits; nothing was sent");
        } catch (IOException e) {
            throw new PosctlException(ExitCode.USAGE, "cannot run the editor: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PosctlException(ExitCode.INTERRUPTED, "interrupted", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static String header(String user, String id) {
        return "# Editing position " + id + " of " + user + ". Lines starting with '#' are ignored.\n"
            + "# Save to validate and send the change; empty the file or leave it unchanged to cancel.\n"
            + "# Read-only fields (createdBy, lastModifiedDateTime, ...) are not sent.\n";
    }

    private static String problems(ProblemSink sink, int documents) {
        StringBuilder sb = new StringBuilder(PROBLEMS).append('\n');
        for (Problem p : sink.problems()) {
            if (p.isError()) {
                sb.append("#   line ").append(p.location().line()).append(": ")
                    .append(p.path().isEmpty() ? "" : p.path() + ": ").append(p.message().replace('\n', ' ')).append('\n');
            }
        }
        if (documents > 1) {
            sb.append("#   the file holds ").append(documents).append(" documents; edit exactly one position\n");
        }
        return sb.toString();
    }

    static String withoutComments(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.stripLeading().startsWith("#")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString().strip() + "\n";
    }

    private static String yaml(JsonNode position) {
        StringWriter w = new StringWriter();
        new YamlRenderer().render(position, new PrintWriter(w));
        return w.toString();
    }
}
