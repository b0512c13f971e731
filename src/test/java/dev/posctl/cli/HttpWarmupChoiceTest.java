package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Main warms the HTTP client only for commands that send requests, and TLS only when it may be used. */
class HttpWarmupChoiceTest {
    @Test
    void onlyCommandsThatSendRequestsWarmTheClient() {
        assertTrue(Main.sendsRequests("update", "--user", "u", "--current", "--job-title", "PM"));
        assertTrue(Main.sendsRequests("--verbose", "list", "--user", "u"));
        assertFalse(Main.sendsRequests("validate", "-f", "edit.yaml"));
        assertFalse(Main.sendsRequests("update", "--help"));
        assertFalse(Main.sendsRequests("update", "-h"));
        assertFalse(Main.sendsRequests("help", "update"));
        assertFalse(Main.sendsRequests("--help"));
        assertFalse(Main.sendsRequests());
        assertTrue(Main.sendsRequests("create", "--user", "u", "--", "-h"));
    }

    @Test
    void tlsIsWarmedUnlessTheEndpointIsPlainHttpOrTheSandbox() {
        assertTrue(Main.mayUseTls(new String[] {"update"}, Map.of()), "no endpoint named: a profile's may be Graph");
        assertTrue(Main.mayUseTls(new String[] {"update"}, Map.of("POSCTL_ENDPOINT", "https://graph.microsoft.com/beta")));
        assertFalse(Main.mayUseTls(new String[] {"update"}, Map.of("POSCTL_ENDPOINT", "http://127.0.0.1:8080/beta")));
        assertFalse(Main.mayUseTls(new String[] {"update", "--endpoint", "sandbox"}, Map.of("POSCTL_ENDPOINT", "https://g")));
        assertFalse(Main.mayUseTls(new String[] {"update", "--endpoint=HTTP://localhost/beta"}, Map.of()));
        assertTrue(Main.mayUseTls(new String[] {"update", "--endpoint", "https://g"}, Map.of("POSCTL_ENDPOINT", "http://l")));
    }
}
