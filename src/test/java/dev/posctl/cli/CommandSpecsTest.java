package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ITypeInfo;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Spec;

/**
 * The command tree every entry point runs comes from the generated {@link CommandSpecs}; it must be
 * the tree picocli builds from the annotations, attribute by attribute, and be generated from the
 * annotations as they are now.
 */
class CommandSpecsTest {
    static final Path FILE = Path.of("src/main/java/dev/posctl/cli/CommandSpecs.java");

    @Test
    void theCommittedSourceIsWhatTheAnnotationsGenerate() throws IOException {
        String generated = CommandSpecsGenerator.source();
        if (Boolean.getBoolean("posctl.regenerate")) {
            Files.writeString(FILE, generated, StandardCharsets.UTF_8);
        }
        if (!generated.equals(Files.readString(FILE, StandardCharsets.UTF_8))) {
            fail(FILE + " is stale: the picocli annotations changed since it was generated; regenerate it with: " + CommandSpecsGenerator.REGENERATE);
        }
    }

    @Test
    void everyCommandIsTheOnePicocliBuildsFromTheAnnotations() throws Exception {
        CommandLine generated = CommandLineFactory.wholeTree(new PosctlCommand(null, null));
        CommandLine reflected = new CommandLine(new PosctlCommand(null, null));
        List<String> compared = new ArrayList<>();
        compare(reflected, generated, compared);
        assertTrue(compared.size() >= 30, "commands compared: " + compared);
    }

    /**
     * CommandLineFactory switches off picocli's converters for java.time and java.sql types (they cost
     * every start reflection over some twenty classes): no option may need one.
     */
    @Test
    void everyOptionIsOfATypeWhoseConverterPosctlKeeps() {
        java.util.Set<Class<?>> kept = java.util.Set.of(String.class, boolean.class, Boolean.class, int.class, Integer.class, long.class,
            Long.class, Path.class);
        List<String> others = new ArrayList<>();
        List<CommandSpec> specs = new ArrayList<>(List.of(CommandLineFactory.neutral().getCommandSpec()));
        for (int i = 0; i < specs.size(); i++) {
            CommandSpec s = specs.get(i);
            s.subcommands().values().forEach(sub -> specs.add(sub.getCommandSpec()));
            for (ArgSpec a : s.args()) {
                for (Class<?> t : a.auxiliaryTypes()) {
                    if (a.converters().length == 0 && !t.isEnum() && !kept.contains(t)) {
                        others.add(s.qualifiedName() + " " + a.paramLabel() + ": " + t.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), others, "give these a converter of their own (see CommandLineFactory)");
        assertTrue(specs.size() >= 30, "commands: " + specs.size());
    }

    @Test
    void aCommandNotInTheTreeIsNull() {
        assertEquals(null, CommandSpecs.command("no-such-command"));
        assertNotNull(CommandSpecs.formats(new UpdateCommand()));
        assertEquals(null, CommandSpecs.formats(new HelpCommand()));
    }

    private static void compare(CommandLine reflected, CommandLine generated, List<String> compared) throws Exception {
        CommandSpec r = reflected.getCommandSpec();
        CommandSpec g = generated.getCommandSpec();
        String where = r.qualifiedName();
        compared.add(where);
        assertEquals(describe(r), describe(g), where);
        assertEquals(reflected.getUsageMessage(Help.Ansi.OFF), generated.getUsageMessage(Help.Ansi.OFF), where + " usage");
        assertEquals(r.options().size(), g.options().size(), where + " options");
        for (int i = 0; i < r.options().size(); i++) {
            assertEquals(describe(r.options().get(i)), describe(g.options().get(i)), where + " " + r.options().get(i).longestName());
        }
        assertEquals(r.positionalParameters().size(), g.positionalParameters().size(), where + " positionals");
        for (int i = 0; i < r.positionalParameters().size(); i++) {
            assertEquals(describe(r.positionalParameters().get(i)), describe(g.positionalParameters().get(i)), where + " positional " + i);
        }
        assertEquals(injected(r), injected(g), where + " @Spec fields");
        assertEquals(r.subcommands().keySet(), g.subcommands().keySet(), where + " subcommands");
        for (String name : r.subcommands().keySet()) {
            if (r.subcommands().get(name).getCommandSpec().name().equals(name)) { // aliases are the same CommandLine
                compare(r.subcommands().get(name), g.subcommands().get(name), compared);
            }
        }
    }

    private static Map<String, Object> describe(CommandSpec s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", s.name());
        d.put("aliases", List.of(s.aliases()));
        d.put("userObject", s.userObject() == null ? null : s.userObject().getClass());
        d.put("helpCommand", s.helpCommand());
        d.put("mixinStandardHelpOptions", s.mixinStandardHelpOptions());
        d.put("mixins", s.mixins().keySet());
        d.put("versionProvider", s.versionProvider() == null ? null : s.versionProvider().getClass());
        d.put("exitCodes", List.of(s.exitCodeOnSuccess(), s.exitCodeOnUsageHelp(), s.exitCodeOnVersionHelp(), s.exitCodeOnInvalidInput(),
            s.exitCodeOnExecutionException()));
        d.put("exitCodeList", s.usageMessage().exitCodeList());
        d.put("hidden", s.usageMessage().hidden());
        d.put("sortOptions", s.usageMessage().sortOptions());
        d.put("description", List.of(s.usageMessage().description()));
        d.put("header", List.of(s.usageMessage().header()));
        d.put("footer", List.of(s.usageMessage().footer()));
        d.put("synopsisHeading", s.usageMessage().synopsisHeading());
        d.put("interpolate", s.interpolateVariables());
        d.put("separator", s.parser().separator());
        return d;
    }

    private static Map<String, Object> describe(ArgSpec a) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (a instanceof OptionSpec o) {
            d.put("names", List.of(o.names()));
            d.put("negatable", o.negatable());
            d.put("fallbackValue", o.fallbackValue());
            d.put("usageHelp", o.usageHelp());
            d.put("versionHelp", o.versionHelp());
            d.put("order", o.order());
        } else {
            d.put("index", ((PositionalParamSpec) a).index().toString());
        }
        d.put("arity", a.arity().toString() + (a.arity().isUnspecified() ? " unspecified" : ""));
        d.put("type", a.type());
        d.put("auxiliaryTypes", List.of(a.auxiliaryTypes()));
        ITypeInfo t = a.typeInfo();
        // (not getActualGenericTypeArguments: only @Unmatched reads it, and a builder has no generic type to give)
        d.put("typeInfo", List.of(t.getClassName(), t.isMultiValue(), t.isCollection(), t.isArray(), t.isMap(), t.isEnum(), t.isBoolean(),
            t.isOptional()));
        d.put("paramLabel", a.paramLabel());
        d.put("hideParamSyntax", a.hideParamSyntax());
        d.put("description", List.of(a.description()));
        // an annotation's "" and a builder's null mean the same: no resource-bundle key, no prompt
        d.put("descriptionKey", Objects.toString(a.descriptionKey(), ""));
        d.put("defaultValue", a.defaultValue());
        d.put("mapFallbackValue", a.mapFallbackValue());
        d.put("showDefaultValue", a.showDefaultValue());
        d.put("required", a.required());
        d.put("hidden", a.hidden());
        d.put("splitRegex", a.splitRegex());
        d.put("splitRegexSynopsisLabel", a.splitRegexSynopsisLabel());
        d.put("interactive", List.of(a.interactive(), a.echo(), Objects.toString(a.prompt(), "")));
        d.put("scope", List.of(a.scopeType(), a.inherited()));
        d.put("completionCandidates", a.completionCandidates() == null ? null : list(a.completionCandidates()));
        d.put("converters", Arrays.stream(a.converters()).map(Object::getClass).toList());
        d.put("parameterConsumer", a.parameterConsumer());
        d.put("preprocessor", a.preprocessor().getClass());
        d.put("hasInitialValue", a.hasInitialValue());
        d.put("initialValue", a.initialValue());
        d.put("value", String.valueOf((Object) a.getValue()));
        d.put("toString", a.toString());
        return d;
    }

    private static List<String> list(Iterable<String> values) {
        List<String> l = new ArrayList<>();
        values.forEach(l::add);
        return l;
    }

    /** Which of the command's and its mixins' @Spec fields hold this command's spec, the mixin's own, or nothing. */
    private static Map<String, String> injected(CommandSpec s) throws IllegalAccessException {
        Map<String, String> d = new LinkedHashMap<>();
        List<Map.Entry<String, CommandSpec>> holders = new ArrayList<>(List.of(Map.entry("", s)));
        holders.addAll(s.mixins().entrySet());
        for (Map.Entry<String, CommandSpec> h : holders) {
            Object o = h.getValue().userObject();
            if (o == null) {
                continue;
            }
            for (Field f : o.getClass().getDeclaredFields()) {
                if (f.isAnnotationPresent(Spec.class)) {
                    f.setAccessible(true);
                    Object v = f.get(o);
                    d.put(h.getKey() + "." + f.getName(), v == s ? "command" : v == h.getValue() ? "own" : String.valueOf(v));
                }
            }
        }
        return d;
    }
}
