package dev.posctl.docs;

import java.util.List;
import java.util.Map;

/** The prose of the man pages that the command model does not hold: environment, files, examples. */
final class ManText {
    private ManText() {}

    static final String[][] ENVIRONMENT = {
        {"POSCTL_ENDPOINT", "Graph base URL, as --endpoint. Unset: the embedded sandbox."},
        {"POSCTL_TOKEN", "Access token sent as a bearer token. Never sent over plain http except to loopback."},
        {"POSCTL_PATH_STYLE", "graph or seed, as --path-style."},
        {"POSCTL_OUTPUT", "Default output format, as --output."},
        {"POSCTL_MAX_RETRIES", "Default of --max-retries."},
        {"POSCTL_SANDBOX_DATA", "Data file of the embedded sandbox (default: $XDG_DATA_HOME/posctl/sandbox.json)."},
        {"VISUAL, EDITOR", "The editor posctl edit starts (VISUAL first); run without a shell, its words split at spaces."},
        {"NO_COLOR", "Any value turns colour off (as does a non-terminal, TERM=dumb or --no-color)."},
        {"XDG_DATA_HOME, XDG_STATE_HOME", "Where sandbox data, shell history and the completion cache live (default ~/.local/share, ~/.local/state)."},
    };

    static final String[][] FILES = {
        {"$XDG_DATA_HOME/posctl/sandbox.json", "The embedded sandbox's positions."},
        {"$XDG_STATE_HOME/posctl/history", "History of posctl shell."},
        {"$XDG_STATE_HOME/posctl/completion-ids.json", "User and position ids seen in earlier results, offered by completion."},
    };

    private static final Map<String, List<String[]>> EXAMPLES = Map.ofEntries(
        Map.entry("posctl", List.of(
            new String[] {"Change a job title without losing the rest of the position:",
                "posctl update --user adele@contoso.com --current --job-title \"Principal PM\""},
            new String[] {"Work interactively, with completion of commands, fields and ids:", "posctl shell"})),
        Map.entry("posctl-update", List.of(
            new String[] {"One edit from flags, to the current position:",
                "posctl update --user adele@contoso.com --current --job-title \"Principal PM\" --audience organization"},
            new String[] {"Edits from a file, showing the requests without sending them:",
                "posctl update -f examples/edits.yaml --dry-run"})),
        Map.entry("posctl-get", List.<String[]>of(new String[] {"One position as YAML:",
            "posctl get --user adele@contoso.com --id 7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d -o yaml"})),
        Map.entry("posctl-list", List.<String[]>of(new String[] {"All of a user's positions as a table:",
            "posctl list --user adele@contoso.com -o table"})),
        Map.entry("posctl-export", List.<String[]>of(new String[] {"Every user's positions, one file per user, to edit and apply:",
            "posctl export --all-users --dir positions/\nposctl export -f users.txt -o ndjson > positions.ndjson"})),
        Map.entry("posctl-create", List.<String[]>of(new String[] {"A new position:",
            "posctl create --user alex@contoso.com --job-title Engineer --company Contoso --start 2024-01"})),
        Map.entry("posctl-delete", List.<String[]>of(new String[] {"Delete without asking (scripts):",
            "posctl delete --user alex@contoso.com --id ID --yes"})),
        Map.entry("posctl-diff", List.<String[]>of(new String[] {"What an update would change; exit 1 when something would:",
            "posctl diff --user adele@contoso.com --current --role Lead"})),
        Map.entry("posctl-validate", List.<String[]>of(new String[] {"Check files in CI, as GitHub annotations:",
            "posctl validate -f edits/ -o github"})),
        Map.entry("posctl-schema", List.<String[]>of(new String[] {"Explain a field:", "posctl schema detail.company"})),
        Map.entry("posctl-sandbox", List.<String[]>of(new String[] {"Run the sandbox for other tools:", "posctl sandbox serve --port 8080"})),
        Map.entry("posctl-sandbox-serve", List.<String[]>of(new String[] {"Serve on a fixed port:", "posctl sandbox serve --port 8080"})),
        Map.entry("posctl-sandbox-reset", List.<String[]>of(new String[] {"Restore the demo data:", "posctl sandbox reset"})),
        Map.entry("posctl-shell", List.<String[]>of(new String[] {"Start the shell, or feed it commands from a file:",
            "posctl shell\nposctl shell < commands.txt"})),
        Map.entry("posctl-edit", List.<String[]>of(new String[] {"Edit a position in your editor:",
            "EDITOR=vi posctl edit --user adele@contoso.com --id 7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d"})),
        Map.entry("posctl-completion", List.<String[]>of(new String[] {"Install completion for bash, zsh or fish:",
            "source <(posctl completion bash)\nposctl completion zsh > \"${fpath[1]}/_posctl\"\n"
                + "posctl completion fish > ~/.config/fish/completions/posctl.fish"})));

    private static final Map<String, List<String>> DESCRIPTION = Map.of(
        "posctl", List.of("With no endpoint configured, posctl starts an embedded Graph-compatible sandbox for each command,"
            + " so every command can be tried safely."),
        "posctl-update", List.of("Fields the edit does not name are not sent; when the merged result equals the current"
            + " position, nothing is sent and the result is unchanged."));

    static List<String[]> examples(String page) {
        return EXAMPLES.getOrDefault(page, List.<String[]>of(new String[] {"Show the options:", page.replace('-', ' ') + " --help"}));
    }

    static List<String> description(String page) {
        return DESCRIPTION.getOrDefault(page, List.of());
    }
}
