package dev.posctl.docs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.posctl.cli.CommandLineFactory;
import dev.posctl.complete.CachedValues;
import dev.posctl.complete.Candidate;
import dev.posctl.complete.Completer;
import dev.posctl.complete.IdCache;
import dev.posctl.complete.Words;
import dev.posctl.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * One completion engine: the Completer (the shell's Tab, {@code __complete}) and the generated bash,
 * zsh and fish scripts offer the same candidates for the same lines. The scripts' dynamic values
 * come from a {@code posctl} on PATH that runs these very classes against an id cache in the temp dir.
 */
class CompletionParityTest {
    static final List<String> ADELE_IDS = List.of("7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d", "0ea4f2c1-1111-4c3a-9b1e-2d7f00c0ffee");

    static final List<String> LINES = List.of(
        "posctl upd",                                        // subcommand prefix
        "posctl config s",                                   // nested subcommand
        "posctl update --aud",                               // option prefix
        "posctl update --audience org",                      // enum value of an option
        "posctl schema -o ",                                 // a command whose formats are narrower
        "posctl completion ",                                // enum positional
        "posctl schema detail.c",                            // field path positional
        "posctl update --set detail.co",                     // --set path prefix, one segment at a time
        "posctl update --set isCurrent=",                    // --set PATH= value
        "posctl update --unset detail.company.a",            // --unset path
        "posctl validate -f edi",                            // files after -f
        "posctl list --user a",                              // user ids from the cache
        "posctl list --user adele@con",                      // bash splits the word at '@'
        "posctl get --user adele@contoso.com --id ",         // position ids from the cache
        "posctl update --job-title ");                       // free text: nothing

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        dev.posctl.cli.GenerateDocs.write(dir);
        Path state = dir.resolve("state");
        IdCache cache = new IdCache(state.resolve("posctl").resolve("completion-ids.json"));
        cache.remember("alex@contoso.com", List.of("1f0c2d3e-aaaa-4bbb-8ccc-000000000001"));
        cache.remember("adele@contoso.com", ADELE_IDS);
        Files.createDirectories(dir.resolve("edits"));
        Files.writeString(dir.resolve("edits.yaml"), "userId: me\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path posctl = bin.resolve("posctl");
        Files.writeString(posctl, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -XX:TieredStopAtLevel=1 -cp '"
            + System.getProperty("java.class.path") + "' dev.posctl.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(posctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "XDG_STATE_HOME", state.toString(),
            "XDG_CONFIG_HOME", dir.resolve("config").toString(), "XDG_DATA_HOME", dir.resolve("data").toString(),
            "XDG_CACHE_HOME", dir.resolve("cache").toString());
    }

    @Test
    void theCompleterAnswersFromTheCache() {
        assertEquals(new TreeSet<>(ADELE_IDS), completer("posctl get --user adele@contoso.com --id "));
        assertEquals(Set.of(), completer("posctl update --job-title "));
    }

    @Test
    void bashOffersWhatTheCompleterOffers() {
        assumeTrue(Tools.onPath("bash"), "bash is not installed: its completion is not compared");
        compare("bash", this::bash);
    }

    @Test
    void zshOffersWhatTheCompleterOffers() {
        assumeTrue(Tools.onPath("zsh"), "zsh is not installed: its completion is not compared (.ci/run installs it)");
        compare("zsh", this::zsh);
    }

    @Test
    void fishOffersWhatTheCompleterOffers() {
        assumeTrue(Tools.onPath("fish"), "fish is not installed: its completion is not compared (.ci/run installs it)");
        compare("fish", this::fish);
    }

    private void compare(String shell, Function<String, Set<String>> ask) {
        List<Executable> checks = new ArrayList<>();
        for (String line : LINES) {
            Set<String> expected = completer(line);
            Set<String> got = ask.apply(line);
            checks.add(() -> assertEquals(expected, got, shell + " for '" + line + "'"));
        }
        assertAll(shell, checks);
    }

    private Set<String> completer(String line) {
        Words w = Words.split(line).withoutProgram();
        Completer c = new Completer(dev.posctl.docs.ModelExport.of(CommandLineFactory.neutral().getCommandSpec()), Schema.get(),
            new CachedValues(new IdCache(dir.resolve("state/posctl/completion-ids.json")), dir));
        return normal(c.complete(w.before(), w.current()).stream().map(Candidate::value).toList());
    }

    /** bash splits words at '=', '@' and ':' and offers only what follows; put the word back in front. */
    private Set<String> bash(String line) {
        List<String> words = new ArrayList<>();
        for (String token : line.split(" ", -1)) {
            for (String part : token.split("(?=[=@:])|(?<=[=@:])")) {
                words.add(part);
            }
        }
        String current = Words.split(line).current();
        String head = current.replaceAll("[^=@:]*$", "");
        String script = "source completions/posctl.bash\n" + compWords(words, line)
            + "_posctl_complete posctl 2>/dev/null\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return normal(run(List.of("bash", "-c", script)).stream().map(c -> head + c).toList());
    }

    /** zsh runs the same function through bashcompinit's compgen, with no splitting at '='. */
    private Set<String> zsh(String line) {
        List<String> words = List.of(line.split(" ", -1));
        // compinit would only register the function (a second per run): a stand-in compdef does that
        String script = "compdef() { :; }\nautoload -U +X bashcompinit && bashcompinit\n"
            + "source completions/_posctl\n" + compWords(words, line) + "PREFIX=" + sh(words.get(words.size() - 1)) + "\n"
            + "compgen -F _posctl_complete -- \"$PREFIX\"\n";
        return normal(run(List.of("zsh", "-c", script)));
    }

    private Set<String> fish(String line) {
        return normal(run(List.of("fish", "--no-config", "-c", "source completions/posctl.fish; complete -C " + sh(line))).stream()
            .map(c -> c.split("\t", 2)[0]).toList());
    }

    private static String compWords(List<String> words, String line) {
        StringBuilder arr = new StringBuilder();
        for (String w : words) {
            arr.append(' ').append(sh(w));
        }
        return "COMP_WORDS=(" + arr + ")\nCOMP_CWORD=" + (words.size() - 1) + "\nCOMP_LINE=" + sh(line)
            + "\nCOMP_POINT=${#COMP_LINE}\n";
    }

    private List<String> run(List<String> cmd) {
        try {
            Tools.Run r = Tools.run(dir, cmd, env);
            assertEquals(0, r.code(), cmd + ": " + r.err());
            return r.out().lines().filter(s -> !s.isEmpty()).toList();
        } catch (Exception e) {
            throw new AssertionError(cmd + ": " + e, e);
        }
    }

    /** A directory is "edits/" to the Completer and fish, "edits" to bash and zsh (readline adds the slash). */
    private static Set<String> normal(List<String> candidates) {
        Set<String> out = new TreeSet<>();
        candidates.forEach(c -> out.add(c.endsWith("/") ? c.substring(0, c.length() - 1) : c));
        return out;
    }

    private static String sh(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
