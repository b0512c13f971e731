package dev.posctl.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.cli.CommandLineFactory;
import dev.posctl.docs.ModelExport;
import dev.posctl.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompleterTest {
    final List<String> asked = new ArrayList<>();
    final Completer completer = new Completer(ModelExport.of(CommandLineFactory.neutral().getCommandSpec()), Schema.get(),
        new DynamicValues() {
            @Override
            public List<String> users() {
                return List.of("adele@contoso.com", "alex@contoso.com", "megan@contoso.com");
            }

            @Override
            public List<String> positions(String user) {
                asked.add(user);
                return List.of("7dc1f91d", "8abc");
            }

            @Override
            public List<String> files(String prefix) {
                return List.of(prefix + "x.yaml", prefix + "dir/");
            }
        });

    List<String> values(String line) {
        Words w = Words.split(line);
        return completer.complete(w.before(), w.current()).stream().map(Candidate::value).toList();
    }

    @Test
    void subcommandsAndOptions() {
        assertEquals(List.of("update"), values("upd"));
        assertTrue(values("").containsAll(List.of("update", "list", "schema", "completion")));
        assertFalse(values("").contains("__complete"));
        assertEquals(List.of("--job-title"), values("update --job-t"));
        assertEquals(List.of("serve"), values("sandbox se"));
    }

    @Test
    void enumValues() {
        assertEquals(List.of("organization"), values("update --audience org"));
        assertEquals(List.of("--audience=organization"), values("update --audience=org"));
        assertEquals(List.of("yaml"), values("get -o y"));
        assertEquals(List.of("allowedAudiences=organization"), values("update --set allowedAudiences=org"));
        assertEquals(List.of("allowedAudiences=me,organization"), values("update --set allowedAudiences=me,org"));
        assertEquals(List.of("isCurrent=true", "isCurrent=false"), values("update --set isCurrent="));
    }

    @Test
    void fieldPathsOneSegmentAtATime() {
        Words w = Words.split("update --set detail.com");
        List<Candidate> c = completer.complete(w.before(), w.current());
        assertEquals(List.of("detail.company."), c.stream().map(Candidate::value).toList());
        assertFalse(c.get(0).complete(), "typing goes on after detail.company.");
        assertEquals(List.of("detail.jobTitle="), values("update --set detail.jobT"));
        assertEquals(List.of("detail.jobTitle"), values("update --unset detail.jobT"));
        assertEquals(List.of("detail.company.displayName"), values("schema detail.company.disp"));
    }

    @Test
    void usersPositionsAndFiles() {
        assertEquals(List.of("adele@contoso.com", "alex@contoso.com"), values("get --user a"));
        assertEquals(List.of(), values("get --id "), "no position ids before --user is known");
        assertEquals(List.of("7dc1f91d"), values("get --user adele@contoso.com --id 7"));
        assertEquals(List.of("adele@contoso.com"), asked);
        assertEquals(List.of("7dc1f91d", "8abc"), values("get --user=x --id "));
        assertEquals(List.of("in/x.yaml", "in/dir/"), values("validate -f in/"));
    }

    @Test
    void wordsAreSplitLikeAShell() {
        assertEquals(new Words(List.of("update", "--job-title", "Principal PM"), "--ro"), Words.split("update --job-title 'Principal PM' --ro"));
        assertEquals(new Words(List.of("a"), ""), Words.split("a "));
    }

    @Test
    void idsThatWouldRunOrBreakACommandLineAreNotOffered() {
        Completer hostile = new Completer(ModelExport.of(CommandLineFactory.neutral().getCommandSpec()), Schema.get(),
            new DynamicValues() {
                @Override
                public List<String> users() {
                    return List.of("adele@contoso.com", "a$(touch pwned)", "a`id`", "a\u001b]0;x\u0007", "a b", "a'b");
                }

                @Override
                public List<String> positions(String user) {
                    return List.of("7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d", "7;reboot", "7\nid", "AAMk+/=_x");
                }

                @Override
                public List<String> files(String prefix) {
                    return List.of();
                }
            });
        Words users = Words.split("list --user a");
        assertEquals(List.of("adele@contoso.com"),
            hostile.complete(users.before(), users.current()).stream().map(Candidate::value).toList());
        Words ids = Words.split("get --user adele@contoso.com --id ");
        assertEquals(List.of("7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d", "AAMk+/=_x"),
            hostile.complete(ids.before(), ids.current()).stream().map(Candidate::value).toList());
    }
}
