package dev.posctl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.posctl.http.RecordingServer;
import dev.posctl.http.RecordingServer.Answer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceCodeFlowTest {
    @Test
    void pollsEveryIntervalAndSlowDownAddsFiveSeconds() throws Exception {
        try (RecordingServer idp = new RecordingServer()) {
            idp.then(Answer.json(200, "{\"device_code\":\"dc\",\"user_code\":\"U\",\"verification_uri\":\"https://v\",\"expires_in\":900,"
                    + "\"interval\":2}"))
                .then(Answer.json(400, "{\"error\":\"authorization_pending\"}"))
                .then(Answer.json(400, "{\"error\":\"slow_down\"}"))
                .then(Answer.json(400, "{\"error\":\"authorization_pending\"}"))
                .then(Answer.json(200, "{\"access_token\":\"a.b.c\",\"expires_in\":60}"));
            List<Duration> slept = new ArrayList<>();
            StringWriter err = new StringWriter();
            IdentityClient client = new IdentityClient(idp.base().replace("/beta", ""), "organizations", null, false);
            String token = new DeviceCodeFlow(client, slept::add).run("cid", "scope", new PrintWriter(err)).get("access_token").asText();
            assertEquals("a.b.c", token);
            assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(7), Duration.ofSeconds(7)), slept);
            assertEquals("To sign in, open https://v and enter the code U", err.toString().trim(), "a message is made when none is sent");
        }
    }

    @Test
    void aServerThatNeverAnswersExpiredStillEnds() throws Exception {
        try (RecordingServer idp = new RecordingServer()) {
            idp.then(Answer.json(200, "{\"device_code\":\"dc\",\"expires_in\":10,\"interval\":5,\"message\":\"m\"}"))
                .fallback(r -> Answer.json(400, "{\"error\":\"authorization_pending\"}"));
            IdentityClient client = new IdentityClient(idp.base().replace("/beta", ""), "organizations", null, false);
            dev.posctl.core.PosctlException e = org.junit.jupiter.api.Assertions.assertThrows(dev.posctl.core.PosctlException.class,
                () -> new DeviceCodeFlow(client, d -> { }).run("cid", "scope", new PrintWriter(new StringWriter())));
            assertEquals(5, e.exitCode());
            assertEquals(3, idp.requests().size(), "device code, then polls at 5 and 10 s: the next would be past expires_in");
        }
    }
}
