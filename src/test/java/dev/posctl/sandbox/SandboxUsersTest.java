package dev.posctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /users as Graph serves it: paged through an opaque nextLink, narrowed by $select. */
class SandboxUsersTest {
    private SandboxServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.builder().pageSize(2).build());
        http = new Http(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pagesThroughEveryUserKeepingTheSelect() throws Exception {
        List<String> names = new ArrayList<>();
        String next = "/users?$select=id,userPrincipalName";
        int pages = 0;
        while (next != null) {
            Http.Reply r = http.get(next);
            assertEquals(200, r.status(), r.raw().body());
            for (JsonNode u : r.json().get("value")) {
                names.add(u.get("userPrincipalName").asText());
                assertTrue(u.get("id").isTextual());
                assertNull(u.get("displayName"), "not selected");
            }
            next = r.json().path("@odata.nextLink").asText(null);
            assertTrue(next == null || next.startsWith(server.baseUri() + "/users?") && next.contains("$select=id%2CuserPrincipalName"), next);
            pages++;
        }
        assertEquals(List.of("adele@contoso.com", "alex@contoso.com", "megan@contoso.com"), names);
        assertEquals(2, pages);
        assertEquals(DemoData.ADELE_ID, http.get("/users").json().at("/value/0/id").asText());
        assertEquals("Adele Vance", http.get("/users?$top=5").json().at("/value/0/displayName").asText());
    }

    @Test
    void refusesWhatItCannotServe() throws Exception {
        assertEquals(400, http.get("/users?$select=jobTitle").status());
        assertEquals("Request_UnsupportedQuery", http.get("/users?$filter=x").errorCode());
        assertEquals(400, http.get("/users?$skiptoken=bogus").status());
        assertEquals(405, http.send("POST", "/users", "{}").status());
    }
}
