package dev.posctl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistoryScrubberTest {
    private static void same(String line) {
        assertEquals(line, HistoryScrubber.scrub(line));
    }

    @Test
    void tokenAndSecretOptionValuesAreMasked() {
        assertEquals("list --user u@x --token *** -o json", HistoryScrubber.scrub("list --user u@x --token eyJ0eXAi.abc.def -o json"));
        assertEquals("list --token=*** -o json", HistoryScrubber.scrub("list --token=eyJ0eXAi.abc.def -o json"));
        assertEquals("login --client-secret ***", HistoryScrubber.scrub("login --client-secret hunter2"));
        assertEquals("login --client-secret=***", HistoryScrubber.scrub("login --client-secret=hunter2"));
        assertEquals("x --proxy-password *** --Api-Token ***", HistoryScrubber.scrub("x --proxy-password pw --Api-Token t"));
        assertEquals("list --token-command *** --token-file ***",
            HistoryScrubber.scrub("list --token-command 'az account get-access-token' --token-file /run/t"));
    }

    @Test
    void quotedValuesAreMaskedWhole() {
        assertEquals("list --token *** -o json", HistoryScrubber.scrub("list --token \"a b c\" -o json"));
        assertEquals("list --token=*** -q", HistoryScrubber.scrub("list --token='a b' -q"));
        assertEquals("list --token ***", HistoryScrubber.scrub("list --token \"unterminated and more"));
    }

    @Test
    void configSetOfASecretKeyIsMasked() {
        assertEquals("config set clientSecret ***", HistoryScrubber.scrub("config set clientSecret s3cr3t"));
        assertEquals("config set --profile work token ***", HistoryScrubber.scrub("config set --profile work token abc"));
        assertEquals("config set --client-secret *** token ***", HistoryScrubber.scrub("config set --client-secret S token V"));
        same("config set endpoint https://graph.microsoft.com");
        same("config set tenant contoso");
    }

    @Test
    void linesWithoutSecretsStayAsTyped() {
        same("update --user adele@contoso.com --id 7dc --job-title \"Token Ring Engineer\"");
        same("login --method client-secret");
        same("list --token");
        same("");
        same("   ");
    }
}
