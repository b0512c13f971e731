package dev.posctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxRoutesTest {
    private static final String ADELE = "/users/adele@contoso.com/profile/positions";
    private static final String CURRENT = DemoData.ADELE_CURRENT;

    private SandboxServer server;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.inMemory());
        http = new Http(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void baseUriIsLoopbackBetaWithoutTrailingSlash() {
        URI u = server.baseUri();
        assertEquals("127.0.0.1", u.getHost());
        assertEquals(server.port(), u.getPort());
        assertEquals("/beta", u.getPath());
    }

    @Test
    void listsDemoPositions() throws Exception {
        Http.Reply r = http.get(ADELE);
        assertEquals(200, r.status());
        assertEquals("application/json", r.header("Content-Type"));
        assertNotNull(r.json().get("@odata.context"));
        assertEquals(2, r.json().get("value").size());
        assertNull(r.json().get("@odata.nextLink"));
        JsonNode p = r.json().get("value").get(0);
        assertEquals(CURRENT, p.get("id").asText());
        assertEquals("Product Manager", p.at("/detail/jobTitle").asText());
        assertEquals("Redmond", p.at("/detail/company/address/city").asText());
        assertEquals("posctl sandbox", p.at("/createdBy/user/displayName").asText());
    }

    @Test
    void objectIdAndUpnAddressTheSameUserCaseInsensitively() throws Exception {
        Http.Reply byId = http.get("/users/" + DemoData.ALEX_ID.toUpperCase() + "/profile/positions");
        Http.Reply byUpn = http.get("/users/ALEX%40Contoso.com/profile/positions");
        assertEquals(byId.json().get("value"), byUpn.json().get("value"));
        assertEquals("Staff Engineer", byUpn.json().at("/value/0/detail/jobTitle").asText());
    }

    @Test
    void unknownUserHasNoPositions() throws Exception {
        Http.Reply r = http.get("/users/nobody@fabrikam.com/profile/positions");
        assertEquals(200, r.status());
        assertEquals(0, r.json().get("value").size());
    }

    @Test
    void getsOneAndAnswers404ForAbsent() throws Exception {
        assertEquals("Program Manager", http.get(ADELE + "/" + DemoData.ADELE_PAST).json().at("/detail/jobTitle").asText());
        Http.Reply missing = http.get(ADELE + "/no-such-id");
        assertEquals(404, missing.status());
        assertEquals("itemNotFound", missing.errorCode());
    }

    @Test
    void createAssignsServerFields() throws Exception {
        Http.Reply r = http.send("POST", "/users/new.person@contoso.com/profile/positions",
            "{\"id\":\"mine\",\"detail\":{\"jobTitle\":\"Analyst\",\"company\":{\"displayName\":\"Contoso\"}},\"isCurrent\":true}");
        assertEquals(201, r.status());
        String id = r.json().get("id").asText();
        assertNotEquals("mine", id);
        assertEquals(36, id.length());
        assertTrue(r.json().get("createdDateTime").asText().endsWith("Z"));
        Instant.parse(r.json().get("lastModifiedDateTime").asText());
        assertEquals("posctl sandbox", r.json().at("/lastModifiedBy/user/displayName").asText());
        assertNotNull(r.header("Location"));
        assertEquals("Analyst", http.get("/users/NEW.PERSON@contoso.com/profile/positions/" + id).json()
            .at("/detail/jobTitle").asText());
    }

    @Test
    void patchReplacesComplexPropertiesWhole() throws Exception {
        String before = http.get(ADELE + "/" + CURRENT).json().get("lastModifiedDateTime").asText();
        Http.Reply r = http.send("PATCH", ADELE + "/" + CURRENT,
            "{\"detail\":{\"jobTitle\":\"X\"},\"id\":\"ignored\",\"createdDateTime\":\"2000-01-01T00:00:00Z\"}");
        assertEquals(200, r.status());
        JsonNode after = http.get(ADELE + "/" + CURRENT).json();
        assertEquals("X", after.at("/detail/jobTitle").asText());
        assertTrue(after.at("/detail/company").isMissingNode(), "company must be lost: PATCH does not merge");
        assertTrue(after.at("/detail/startMonthYear").isMissingNode());
        assertEquals("organization", after.get("allowedAudiences").asText(), "untouched top-level stays");
        assertEquals(CURRENT, after.get("id").asText());
        assertEquals("2025-11-03T09:15:00Z", after.get("createdDateTime").asText());
        assertNotEquals(before, after.get("lastModifiedDateTime").asText());
        assertEquals(r.json().get("detail"), after.get("detail"));
    }

    @Test
    void patchReplacesCollectionsWhole() throws Exception {
        http.send("PATCH", ADELE + "/" + CURRENT, "{\"categories\":[\"a\",\"b\"]}");
        assertEquals("[\"a\",\"b\"]", http.get(ADELE + "/" + CURRENT).json().get("categories").toString());
    }

    @Test
    void patchOnAbsentIs404AndDeleteWorks() throws Exception {
        assertEquals(404, http.send("PATCH", ADELE + "/nope", "{\"isCurrent\":false}").status());
        Http.Reply d = http.send("DELETE", ADELE + "/" + DemoData.ADELE_PAST, null);
        assertEquals(204, d.status());
        assertNull(d.json());
        assertEquals(404, http.send("DELETE", ADELE + "/" + DemoData.ADELE_PAST, null).status());
        assertEquals(1, http.get(ADELE).json().get("value").size());
    }

    @Test
    void seedPathStyleTakesTheIdFromTheBody() throws Exception {
        Http.Reply r = http.send("PATCH", "/user/adele%40contoso.com/profile/positions",
            "{\"id\":\"" + CURRENT + "\",\"isCurrent\":false}");
        assertEquals(200, r.status());
        assertFalse(r.json().get("isCurrent").asBoolean());
        assertEquals("Product Manager", r.json().at("/detail/jobTitle").asText());
        Http.Reply noId = http.send("PATCH", "/user/adele%40contoso.com/profile/positions", "{\"isCurrent\":false}");
        assertEquals(400, noId.status());
        assertEquals("BadRequest", noId.errorCode());
        assertEquals(405, http.get("/user/adele%40contoso.com/profile/positions").status());
    }

    @Test
    void meIsTheConfiguredUser() throws Exception {
        assertEquals(http.get(ADELE).json().get("value"), http.get("/me/profile/positions").json().get("value"));
        assertEquals(200, http.send("PATCH", "/me/profile/positions/" + CURRENT, "{\"isSearchable\":true}").status());
        assertTrue(http.get(ADELE + "/" + CURRENT).json().get("isSearchable").asBoolean());
    }

    @Test
    void idsWithSlashesDotsSpacesAndAtStayOneSegment() throws Exception {
        String weird = "/users/a%2F..%2Fb/profile/positions";
        Http.Reply created = http.send("POST", weird, "{\"detail\":{\"jobTitle\":\"Odd\"}}");
        assertEquals(201, created.status());
        assertEquals(1, http.get(weird).json().get("value").size());
        assertEquals(0, http.get("/users/b/profile/positions").json().get("value").size());
        assertEquals(0, http.get("/users/a/profile/positions").json().get("value").size());
        String spaced = "/users/J%C3%B6rg%20M%C3%BCller@x.com/profile/positions";
        String id = http.send("POST", spaced, "{\"detail\":{\"jobTitle\":\"S\"}}").json().get("id").asText();
        assertEquals(200, http.get(spaced + "/" + id).status());
        // a literal '..' segment is an id, never a step up the route
        assertEquals(0, http.get("/users/../profile/positions").json().get("value").size());
        assertEquals(404, http.get(ADELE + "/..%2F" + CURRENT).status());
        assertEquals(java.util.List.of("users", "a/../b", "x y", "+"), PathCodec.segments("/users/a%2F..%2Fb/x%20y/+/"));
        assertEquals("a/../b", PathCodec.decode(PathCodec.encode("a/../b")));
        assertEquals(400, assertThrowsGraph(() -> PathCodec.decode("%ZZ")));
    }

    private static int assertThrowsGraph(Runnable r) {
        return org.junit.jupiter.api.Assertions.assertThrows(GraphException.class, r::run).status();
    }

    @Test
    void validationRejectsUnknownWrongTypedAndNullDetail() throws Exception {
        String url = ADELE + "/" + CURRENT;
        Http.Reply unknown = http.send("PATCH", url, "{\"detail\":{\"title\":\"X\"}}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.json().at("/error/message").asText().startsWith("Invalid property 'title'"));
        assertEquals(400, http.send("PATCH", url, "{\"isCurrent\":\"yes\"}").status());
        assertEquals(400, http.send("PATCH", url, "{\"detail\":null}").status());
        assertEquals(400, http.send("PATCH", url, "{\"detail\":{\"layer\":1.5}}").status());
        assertEquals(400, http.send("PATCH", url, "{\"allowedAudiences\":\"world\"}").status());
        assertEquals(400, http.send("PATCH", url, "{\"detail\":{\"startMonthYear\":\"2021-13-01\"}}").status());
        assertEquals(400, http.send("PATCH", url, "{\"detail\":{\"company\":{\"department\":\"x\"}}}").status());
        assertEquals(400, http.send("PATCH", url, "[1]").status());
        assertEquals(400, http.send("PATCH", url, "{\"detail\":").status());
        assertEquals(400, http.send("POST", ADELE, "").status());
        assertEquals(200, http.send("PATCH", url, "{\"@odata.type\":\"#microsoft.graph.workPosition\","
            + "\"allowedAudiences\":\"organization,contacts\",\"manager\":{\"displayName\":\"M\",\"relationship\":\"manager\"},"
            + "\"createdBy\":{\"user\":{\"anything\":1}},\"detail\":{\"layer\":3,\"company\":{\"displayName\":\"C\"}}}").status());
        assertEquals(3, http.get(url).json().at("/detail/layer").asInt());
    }

    @Test
    void pagingFollowsNextLinkToTheEnd() throws Exception {
        server.close();
        server = SandboxServer.start(SandboxOptions.builder().pageSize(3).build());
        http = new Http(server);
        for (int i = 0; i < 8; i++) {
            http.send("POST", "/users/pager/profile/positions", "{\"detail\":{\"jobTitle\":\"T" + i + "\"}}");
        }
        Set<String> seen = new HashSet<>();
        String next = "/users/pager/profile/positions";
        int pages = 0;
        while (next != null) {
            JsonNode page = http.get(next).json();
            page.get("value").forEach(p -> assertTrue(seen.add(p.get("id").asText())));
            next = page.path("@odata.nextLink").asText(null);
            assertTrue(next == null || next.startsWith(server.baseUri().toString()));
            pages++;
        }
        assertEquals(8, seen.size());
        assertEquals(3, pages);
        assertEquals(5, http.get("/users/pager/profile/positions?$top=5").json().get("value").size());
        JsonNode skipped = http.get("/users/pager/profile/positions?$skip=6&$top=5").json();
        assertEquals(2, skipped.get("value").size());
        assertNull(skipped.get("@odata.nextLink"));
        JsonNode selected = http.get("/users/pager/profile/positions?$top=1&$select=isCurrent").json();
        assertTrue(selected.at("/value/0/detail").isMissingNode());
        assertTrue(selected.get("@odata.nextLink").asText().contains("$select=isCurrent"));
        assertEquals(400, http.get("/users/pager/profile/positions?$top=0").status());
        assertEquals(400, http.get("/users/pager/profile/positions?$skiptoken=bogus").status());
        assertEquals("Request_UnsupportedQuery", http.get("/users/pager/profile/positions?$filter=x").errorCode());
    }

    @Test
    void patch204ModeAnswersWithoutBody() throws Exception {
        server.close();
        server = SandboxServer.start(SandboxOptions.builder().patchReturnsNoContent(true).build());
        http = new Http(server);
        Http.Reply r = http.send("PATCH", ADELE + "/" + CURRENT, "{\"isCurrent\":false}");
        assertEquals(204, r.status());
        assertNull(r.json());
        assertNull(r.header("Content-Type"));
        assertFalse(http.get(ADELE + "/" + CURRENT).json().get("isCurrent").asBoolean());
        assertEquals(204, http.send("PATCH", "/user/adele@contoso.com/profile/positions",
            "{\"id\":\"" + CURRENT + "\",\"isCurrent\":true}").status());
    }

    @Test
    void errorsAreGraphShapedWithRequestIds() throws Exception {
        Http.Reply r = http.sendTo(URI.create(server.baseUri() + "/nowhere"), "GET", null, "my-crid-1");
        assertEquals(404, r.status());
        JsonNode inner = r.json().at("/error/innerError");
        assertEquals(r.header("request-id"), inner.get("request-id").asText());
        assertEquals("my-crid-1", inner.get("client-request-id").asText());
        assertEquals("my-crid-1", r.header("client-request-id"));
        Instant.parse(inner.get("date").asText());
        assertNotNull(r.json().at("/error/message").asText(null));
        Http.Reply ok = http.get(ADELE);
        assertNotNull(ok.header("request-id"));
        assertNotNull(ok.header("client-request-id"));
        Http.Reply wrongMethod = http.send("PUT", ADELE + "/" + CURRENT, "{}");
        assertEquals(405, wrongMethod.status());
        assertEquals("MethodNotAllowed", wrongMethod.errorCode());
        assertEquals(404, http.sendTo(URI.create("http://127.0.0.1:" + server.port() + "/v1.0/me"), "GET", null, null).status());
    }

    @Test
    void tokenIsRequiredWhenConfigured() throws Exception {
        server.close();
        server = SandboxServer.start(SandboxOptions.builder().token("s3cret").build());
        Http.Reply none = new Http(server).get(ADELE);
        assertEquals(401, none.status());
        assertEquals("InvalidAuthenticationToken", none.errorCode());
        assertEquals(401, new Http(server, "wrong").get(ADELE).status());
        assertEquals(200, new Http(server, "s3cret").get(ADELE).status());
    }
}
