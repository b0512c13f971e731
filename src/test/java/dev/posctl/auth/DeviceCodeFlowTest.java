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

    static List<Duration> sleeps(RecordingServer idp, String deviceAnswer, StringWriter err) {
        idp.then(Answer.json(200, deviceAnswer)).fallback(r -> Answer.json(400, "{\"error\":\"authorization_pending\"}"));
        List<Duration> slept = new ArrayList<>();
        IdentityClient client = new IdentityClient(idp.base().replace("/beta", ""), "organizations", null, false);
        dev.posctl.core.PosctlException e = org.junit.jupiter.api.Assertions.assertThrows(dev.posctl.core.PosctlException.class,
            () -> new DeviceCodeFlow(client, slept::add).run("cid", "scope", new PrintWriter(err)));
        assertEquals(5, e.exitCode(), e.getMessage());
        return slept;
    }

    @Test
    void absurdIntervalsAreBoundedAndTheWaitEndsAtExpiresIn() throws Exception {
        try (RecordingServer idp = new RecordingServer()) {
            assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(40)),
                sleeps(idp, "{\"device_code\":\"dc\",\"message\":\"m\",\"expires_in\":100,\"interval\":1e12}", new StringWriter()));
            assertEquals(3, idp.requests().size());
        }
        try (RecordingServer idp = new RecordingServer()) {
            assertEquals(List.of(Duration.ofSeconds(3)),
                sleeps(idp, "{\"device_code\":\"dc\",\"message\":\"m\",\"expires_in\":3,\"interval\":5}", new StringWriter()),
                "expires_in below the interval: one poll, at expires_in");
        }
        try (RecordingServer idp = new RecordingServer()) {
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                sleeps(idp, "{\"device_code\":\"dc\",\"message\":\"m\",\"expires_in\":2,\"interval\":-7}", new StringWriter()));
        }
        try (RecordingServer idp = new RecordingServer()) {
            assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5)),
                sleeps(idp, "{\"device_code\":\"dc\",\"message\":\"m\",\"expires_in\":10,\"interval\":\"x\"}", new StringWriter()),
                "a non-numeric interval is the protocol's default");
        }
        try (RecordingServer idp = new RecordingServer()) {
            List<Duration> slept = sleeps(idp, "{\"device_code\":\"dc\",\"message\":\"m\",\"expires_in\":1e400,\"interval\":1e400}", new StringWriter());
            assertEquals(Duration.ofSeconds(60), slept.get(0));
            assertEquals(Duration.ofHours(1), slept.stream().reduce(Duration.ZERO, Duration::plus), "a huge expires_in is bounded to an hour");
        }
    }

    @Test
    void anExpiresInThatIsNoPositiveNumberEndsBeforeAnythingIsShown() throws Exception {
        for (String expires : new String[] {"\"soon\"", "-5", "0", "-1e400", "{}"}) {
            try (RecordingServer idp = new RecordingServer()) {
                StringWriter err = new StringWriter();
                assertEquals(List.of(), sleeps(idp, "{\"device_code\":\"dc\",\"message\":\"m\",\"expires_in\":" + expires + "}", err));
                assertEquals(1, idp.requests().size(), expires);
                assertEquals("", err.toString(), expires);
            }
        }
    }

    @Test
    void terminalControlsInTheServersTextAreShownEscaped() throws Exception {
        try (RecordingServer idp = new RecordingServer()) {
            StringWriter err = new StringWriter();
            sleeps(idp, "{\"device_code\":\"dc\",\"expires_in\":1,\"message\":\"Open \\u001b]8;;https://evil\\u0007https://microsoft.com"
                + "\\u001b]8;;\\u0007 \\u202eEDOC\\u009b2J\"}", err);
            assertEquals("Open \\u001b]8;;https://evil\\u0007https://microsoft.com\\u001b]8;;\\u0007 \\u202eEDOC\\u009b2J", err.toString().trim());
        }
        try (RecordingServer idp = new RecordingServer()) {
            StringWriter err = new StringWriter();
            sleeps(idp, "{\"device_code\":\"dc\",\"expires_in\":1,\"verification_uri\":\"https://v\\u001b[2J\","
                + "\"user_code\":\"AB\\r\\nC\\u2066\"}", err);
            assertEquals("To sign in, open https://v\\u001b[2J and enter the code AB\\r\\nC\\u2066", err.toString().trim());
        }
    }
}
