package dev.posctl.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.posctl.input.OverlayBuilder;
import dev.posctl.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags that make up one edit, or that lay changes on top of every edit read from files.
 * Each convenience flag is a name for a schema path.
 */
public final class EditOptions {
    @Option(names = {"-u", "--user"}, paramLabel = "USER", converter = NonBlank.class,
        description = "The user: object id, userPrincipalName or 'me'. Fills in documents that have no userId.")
    String user;

    @Option(names = "--id", paramLabel = "ID", converter = NonBlank.class, description = "The position id. Fills in documents that have no id.")
    String id;

    @Option(names = "--set", paramLabel = "PATH=VALUE", completionCandidates = SchemaCandidates.Assignments.class,
        description = "Set any field, typed by the schema: --set detail.layer=3, --set isCurrent=true, --set categories=a,b. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--unset", paramLabel = "PATH", completionCandidates = SchemaCandidates.Paths.class,
        description = "Clear a field (sends null). Repeatable.")
    List<String> unsets = new ArrayList<>();

    @Option(names = "--job-title", paramLabel = "TEXT", description = "detail.jobTitle")
    String jobTitle;

    @Option(names = "--role", paramLabel = "TEXT", description = "detail.role")
    String role;

    @Option(names = "--level", paramLabel = "TEXT", description = "detail.level")
    String level;

    @Option(names = "--company", paramLabel = "NAME", description = "detail.company.displayName")
    String company;

    @Option(names = "--department", paramLabel = "TEXT", description = "detail.company.department")
    String department;

    @Option(names = "--office-location", paramLabel = "TEXT", description = "detail.company.officeLocation")
    String officeLocation;

    @Option(names = "--start", paramLabel = "DATE", description = "detail.startMonthYear: YYYY-MM-DD, or YYYY-MM for the first of the month")
    String start;

    @Option(names = "--end", paramLabel = "DATE", description = "detail.endMonthYear: YYYY-MM-DD, or YYYY-MM for the first of the month")
    String end;

    @Option(names = "--audience", paramLabel = "AUDIENCE", completionCandidates = SchemaCandidates.Audiences.class,
        description = "allowedAudiences member (${COMPLETION-CANDIDATES}); repeat to combine.")
    List<String> audiences = new ArrayList<>();

    @Option(names = "--category", paramLabel = "TEXT", description = "categories: repeat for several; replaces the list.")
    List<String> categories = new ArrayList<>();

    @Option(names = "--is-current", negatable = true, arity = "0..1", fallbackValue = "true",
        description = "isCurrent (--no-is-current for false).")
    Boolean isCurrent;

    /** The flags as an edit: convenience flags first, then --set, then --unset, so later ones win. */
    public OverlayBuilder toBuilder(Schema schema) {
        OverlayBuilder b = new OverlayBuilder(schema);
        put(b, Schema.USER_ID, user, "--user");
        put(b, "id", id, "--id");
        put(b, "detail.jobTitle", jobTitle, "--job-title");
        put(b, "detail.role", role, "--role");
        put(b, "detail.level", level, "--level");
        put(b, "detail.company.displayName", company, "--company");
        put(b, "detail.company.department", department, "--department");
        put(b, "detail.company.officeLocation", officeLocation, "--office-location");
        put(b, "detail.startMonthYear", start, "--start");
        put(b, "detail.endMonthYear", end, "--end");
        if (!audiences.isEmpty()) {
            b.put("allowedAudiences", String.join(",", audiences), "--audience");
        }
        if (!categories.isEmpty()) {
            var arr = JsonNodeFactory.instance.arrayNode();
            categories.forEach(arr::add);
            b.put("categories", arr);
        }
        if (isCurrent != null) {
            b.put("isCurrent", JsonNodeFactory.instance.booleanNode(isCurrent));
        }
        sets.forEach(b::set);
        unsets.forEach(b::unset);
        return b;
    }

    public boolean isEmpty() {
        return user == null && id == null && sets.isEmpty() && unsets.isEmpty() && jobTitle == null && role == null
            && level == null && company == null && department == null && officeLocation == null && start == null
            && end == null && audiences.isEmpty() && categories.isEmpty() && isCurrent == null;
    }

    private static void put(OverlayBuilder b, String path, String value, String flag) {
        if (value != null) {
            b.put(path, value, flag);
        }
    }
}
