package dev.posctl.docs;

import dev.posctl.core.ExitCode;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One man page in roff (man macros), written straight from the command model: no AsciiDoc step,
 * and nothing that changes from build to build (no date, no version), so committed pages only go
 * stale when the commands change.
 */
final class ManPage {
    private final StringBuilder sb = new StringBuilder();

    static String of(CommandSpec spec) {
        return new ManPage().write(spec);
    }

    static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    private String write(CommandSpec spec) {
        String name = pageName(spec);
        boolean root = spec.parent() == null;
        sb.append(".\\\" generated from the posctl command model; do not edit (see ManPages)\n");
        sb.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" \"1\" \"\" \"posctl\" \"posctl Manual\"\n");
        section("NAME");
        sb.append(escapeLine(name)).append(" \\- ").append(escape(first(spec.usageMessage().description()))).append('\n');
        section("SYNOPSIS");
        sb.append(".B ").append(spec.qualifiedName()).append('\n');
        if (!visibleSubcommands(spec).isEmpty()) {
            sb.append(".I COMMAND\n");
        }
        sb.append("[\\fIOPTIONS\\fR]");
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                sb.append(" [\\fI").append(escape(p.paramLabel())).append("\\fR]");
            }
        }
        sb.append('\n');
        section("DESCRIPTION");
        paragraphs(List.of(spec.usageMessage().description()));
        for (String extra : ManText.description(name)) {
            sb.append(".PP\n");
            line(extra);
        }
        if (!visibleSubcommands(spec).isEmpty()) {
            section("COMMANDS");
            for (CommandSpec sub : visibleSubcommands(spec)) {
                sb.append(".TP\n.BR ").append(pageName(sub).replace("-", "\\-")).append(" (1)\n");
                line(first(sub.usageMessage().description()));
            }
        }
        section("OPTIONS");
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                sb.append(".TP\n.I ").append(escape(p.paramLabel())).append('\n');
                line(Descriptions.of(p));
            }
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            sb.append(".TP\n");
            StringBuilder names = new StringBuilder();
            for (String n : o.names()) {
                names.append(names.length() == 0 ? "" : ", ").append("\\fB").append(escape(n)).append("\\fR");
            }
            if (o.arity().max() > 0 && !(o.type() == boolean.class || o.type() == Boolean.class)) {
                names.append(" \\fI").append(escape(o.paramLabel())).append("\\fR");
            }
            sb.append(names).append('\n');
            line(Descriptions.of(o));
        }
        section("EXIT CODES");
        for (String[] row : ExitCode.TABLE) {
            sb.append(".TP\n.B ").append(row[0]).append('\n');
            line(row[1]);
        }
        section("ENVIRONMENT");
        for (String[] row : ManText.ENVIRONMENT) {
            sb.append(".TP\n.B ").append(row[0]).append('\n');
            line(row[1]);
        }
        section("FILES");
        for (String[] row : ManText.FILES) {
            sb.append(".TP\n.I ").append(escape(row[0])).append('\n');
            line(row[1]);
        }
        section("EXAMPLES");
        for (String[] ex : ManText.examples(name)) {
            sb.append(".PP\n");
            line(ex[0]);
            sb.append(".PP\n.RS 4\n.EX\n");
            for (String l : ex[1].split("\n")) {
                sb.append(escapeLine(l)).append('\n');
            }
            sb.append(".EE\n.RE\n");
        }
        section("SEE ALSO");
        List<String> see = new java.util.ArrayList<>();
        if (!root) {
            see.add(".BR posctl (1)");
        }
        for (CommandSpec sub : visibleSubcommands(spec)) {
            see.add(".BR " + pageName(sub).replace("-", "\\-") + " (1)");
        }
        for (int i = 0; i < see.size(); i++) {
            sb.append(see.get(i)).append(i < see.size() - 1 ? "," : "").append('\n');
        }
        if (see.isEmpty()) {
            line("posctl shell, posctl completion");
        }
        return sb.toString();
    }

    static List<CommandSpec> visibleSubcommands(CommandSpec spec) {
        List<CommandSpec> out = new java.util.ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (!s.usageMessage().hidden() && !s.helpCommand() && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private void section(String title) {
        sb.append(".SH \"").append(title).append("\"\n");
    }

    private void paragraphs(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append(".PP\n");
            }
            line(lines.get(i));
        }
    }

    private void line(String text) {
        sb.append(escapeLine(text)).append('\n');
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    /** Roff escapes: backslashes, and hyphens as minus signs so options copy and search correctly. */
    static String escape(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-");
    }

    /** A text line: a leading '.' or '\'' would be read as a request. */
    static String escapeLine(String s) {
        String e = escape(s);
        return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
    }
}
