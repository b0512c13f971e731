package dev.posctl.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Loopback is decided on the parsed host, never by a prefix or by resolving a name. */
class LoopbackTest {
    @Test
    void loopbackLiteralsAndLocalhost() {
        for (String url : new String[] {"http://127.0.0.1/beta", "http://127.0.0.1:8080/beta", "http://127.255.255.254/",
            "http://127.1.2.3:1/", "http://localhost/", "http://LOCALHOST:9/", "http://[::1]/", "http://[::1]:8080/beta",
            "http://[0:0::1]/", "http://[0:0:0:0:0:0:0:1]/", "http://[0000::0001]/", "http://[::0:1]/"}) {
            assertTrue(Loopback.isLoopback(URI.create(url)), url);
        }
    }

    @Test
    void namesThatMerelyLookLikeLoopbackAreNot() {
        for (String url : new String[] {"http://127.attacker.example/beta", "http://127.0.0.1.nip.io/", "http://localhost.evil/",
            "http://0x7f.1/", "http://0x7f000001/", "http://2130706433/", "http://127.1/", "http://127.0.0.01/",
            "http://127.0.0.256/", "http://128.0.0.1/", "http://10.0.0.1/", "http://[::2]/", "http://[1::]/", "http://[::]/",
            "http://[::ffff:127.0.0.1]/", "http://[1:0:0:0:0:0:0:1]/", "http://localhost.:80/", "http://evil.localhost/",
            "https://graph.microsoft.com/beta", "file:///etc/passwd", "mailto:a@127.0.0.1"}) {
            assertFalse(Loopback.isLoopback(URI.create(url)), url);
        }
        assertFalse(Loopback.isLoopback(null));
        assertFalse(Loopback.isLoopbackHost("127.0.0.1.nip.io"));
        assertFalse(Loopback.isLoopbackHost(""));
    }
}
