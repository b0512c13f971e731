package dev.posctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Web pages, rebound DNS names and stalled clients against the sandbox (issue 12). */
class SandboxForeignCallersTest {
    private static final String ADELE = "/beta/users/adele@contoso.com/profile/positions";
    /** What a page can send cross-site without a preflight: a "simple" text/plain POST. */
    private static final String DELETE_AND_CREATE = "{\"requests\":["
        + "{\"id\":\"1\",\"method\":\"DELETE\",\"url\":\"/users/adele@contoso.com/profile/positions/" + DemoData.ADELE_CURRENT + "\"},"
        + "{\"id\":\"2\",\"method\":\"POST\",\"url\":\"/users/adele@contoso.com/profile/positions\","
        + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"detail\":{\"jobTitle\":\"Planted\"}}}]}";

    private SandboxServer server;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.builder().readTimeout(Duration.ofMillis(800)).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String batchFrom(String host, String originHeader) {
        byte[] body = DELETE_AND_CREATE.getBytes(StandardCharsets.UTF_8);
        return "POST /beta/$batch HTTP/1.1\r\nHost: " + host + "\r\n" + originHeader
            + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n"
            + DELETE_AND_CREATE;
    }

    private void assertRefusedAndNothingChanged(RawHttp.Answer a) {
        assertEquals(403, a.status(), a.text());
        assertTrue(a.text().contains("\"code\":\"accessDenied\""), a.text());
        assertTrue(a.text().contains("\"innerError\""), a.text());
        assertEquals(2, server.store().list("adele@contoso.com").size(), "nothing deleted or created");
        assertTrue(server.store().get("adele@contoso.com", DemoData.ADELE_CURRENT).isPresent());
    }

    @Test
    void aCrossSiteBatchFromAWebPageIsRefusedAndChangesNothing() throws Exception {
        assertRefusedAndNothingChanged(RawHttp.send(server.port(),
            batchFrom("127.0.0.1:" + server.port(), "Origin: https://evil.example\r\n"), 5000));
        assertRefusedAndNothingChanged(RawHttp.send(server.port(),
            batchFrom("localhost:" + server.port(), "Origin: null\r\n"), 5000));
    }

    @Test
    void aRequestForAnotherHostIsRefused() throws Exception {
        assertRefusedAndNothingChanged(RawHttp.send(server.port(), batchFrom("evil.example:" + server.port(), ""), 5000));
        RawHttp.Answer get = RawHttp.send(server.port(),
            "GET " + ADELE + " HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\nConnection: close\r\n\r\n", 5000);
        assertEquals(403, get.status(), get.text());
        assertTrue(!get.text().contains("Product Manager"), "a rebound page reads nothing: " + get.text());
    }

    @Test
    void loopbackNamesWithThePortAndCommandLineClientsAreServed() throws Exception {
        for (String host : List.of("127.0.0.1:", "localhost:", "[::1]:", "LocalHost:")) {
            RawHttp.Answer a = RawHttp.send(server.port(),
                "GET " + ADELE + " HTTP/1.1\r\nHost: " + host + server.port() + "\r\nConnection: close\r\n\r\n", 5000);
            assertEquals(200, a.status(), host + " " + a.text());
        }
        RawHttp.Answer own = RawHttp.send(server.port(), "GET " + ADELE + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
            + "\r\nOrigin: http://127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n", 5000);
        assertEquals(200, own.status(), own.text());
        assertEquals(200, new Http(server).get("/users/adele@contoso.com/profile/positions").status());
    }

    @Test
    void stalledConnectionsDoNotStopTheSandboxAnswering() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 80; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                stalled.add(s);
                if (i < 55) {
                    // half a request line: the server starts reading and waits for the rest
                    s.getOutputStream().write("GET /beta/users/adele@contoso.com/prof".getBytes(StandardCharsets.US_ASCII));
                } else if (i < 70) {
                    // the headers, and a tenth of the body they announce
                    s.getOutputStream().write(("POST /beta/$batch HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                        + "\r\nContent-Length: 100\r\n\r\n{\"requests\"").getBytes(StandardCharsets.US_ASCII));
                }
                s.getOutputStream().flush();
            }
            Thread.sleep(200);
            long t0 = System.nanoTime();
            RawHttp.Answer a = RawHttp.send(server.port(),
                "GET " + ADELE + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n", 8000);
            assertEquals(200, a.status(), a.text());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "answered within a few seconds");
        } finally {
            for (Socket s : stalled) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing is best effort
                }
            }
        }
    }
}
