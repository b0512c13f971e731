package dev.posctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxBatchTest {
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

    private static ObjectNode item(ArrayNode requests, String id, String method, String url, String body) throws Exception {
        ObjectNode o = requests.addObject();
        o.put("id", id);
        o.put("method", method);
        o.put("url", url);
        if (body != null) {
            o.set("body", Http.JSON.readTree(body));
            o.putObject("headers").put("Content-Type", "application/json");
        }
        return o;
    }

    private static Map<String, JsonNode> byId(JsonNode reply) {
        Map<String, JsonNode> out = new HashMap<>();
        reply.get("responses").forEach(r -> out.put(r.get("id").asText(), r));
        return out;
    }

    @Test
    void routesEachItemAndReportsMixedStatuses() throws Exception {
        ObjectNode batch = Http.JSON.createObjectNode();
        ArrayNode rq = batch.putArray("requests");
        item(rq, "1", "GET", "/users/adele@contoso.com/profile/positions/" + DemoData.ADELE_CURRENT, null);
        item(rq, "2", "PATCH", "users/alex%40contoso.com/profile/positions/" + DemoData.ALEX_CURRENT,
            "{\"detail\":{\"jobTitle\":\"Principal Engineer\"}}");
        item(rq, "3", "GET", "/users/adele@contoso.com/profile/positions/nope", null);
        item(rq, "4", "POST", "/me/profile/positions", "{\"detail\":{\"title\":\"typo\"}}");
        item(rq, "5", "DELETE", "/users/megan@contoso.com/profile/positions/" + DemoData.MEGAN_CURRENT, null);
        item(rq, "6", "GET", "/users/adele@contoso.com/profile/positions?$top=1", null);
        ObjectNode noType = item(rq, "7", "PATCH", "/me/profile/positions/" + DemoData.ADELE_CURRENT, null);
        noType.set("body", Http.JSON.readTree("{\"isCurrent\":false}"));
        Http.Reply r = http.send("POST", "/$batch", batch.toString());
        assertEquals(200, r.status());
        Map<String, JsonNode> got = byId(r.json());
        assertEquals(7, got.size());
        assertEquals(200, got.get("1").get("status").asInt());
        assertEquals("Product Manager", got.get("1").at("/body/detail/jobTitle").asText());
        assertEquals(200, got.get("2").get("status").asInt());
        assertEquals(404, got.get("3").get("status").asInt());
        assertEquals("itemNotFound", got.get("3").at("/body/error/code").asText());
        assertNotNull(got.get("3").at("/body/error/innerError/request-id").asText(null));
        assertEquals(400, got.get("4").get("status").asInt());
        assertEquals(204, got.get("5").get("status").asInt());
        assertFalse(got.get("5").has("body"));
        assertTrue(got.get("6").at("/body/@odata.nextLink").asText().startsWith(server.baseUri().toString()));
        assertEquals(400, got.get("7").get("status").asInt(), "a body without Content-Type is refused");
        assertEquals("application/json", got.get("1").at("/headers/Content-Type").asText());
        // the items really happened
        assertEquals("Principal Engineer", http.get("/users/alex@contoso.com/profile/positions/" + DemoData.ALEX_CURRENT)
            .json().at("/detail/jobTitle").asText());
        assertEquals(404, http.get("/users/megan@contoso.com/profile/positions/" + DemoData.MEGAN_CURRENT).status());
        assertTrue(http.get("/me/profile/positions/" + DemoData.ADELE_CURRENT).json().get("isCurrent").asBoolean());
    }

    @Test
    void moreThanTwentyIsRefused() throws Exception {
        ObjectNode batch = Http.JSON.createObjectNode();
        ArrayNode rq = batch.putArray("requests");
        for (int i = 0; i < 21; i++) {
            item(rq, "r" + i, "GET", "/me/profile/positions", null);
        }
        Http.Reply r = http.send("POST", "/$batch", batch.toString());
        assertEquals(400, r.status());
        assertEquals("BadRequest", r.errorCode());
        rq.remove(20);
        assertEquals(200, http.send("POST", "/$batch", batch.toString()).status());
    }

    @Test
    void duplicateIdsAndMalformedBatchesAreRefused() throws Exception {
        ObjectNode batch = Http.JSON.createObjectNode();
        ArrayNode rq = batch.putArray("requests");
        item(rq, "same", "GET", "/me/profile/positions", null);
        item(rq, "same", "GET", "/me/profile/positions", null);
        assertEquals(400, http.send("POST", "/$batch", batch.toString()).status());
        assertEquals(400, http.send("POST", "/$batch", "{\"requests\":[{\"id\":\"1\",\"url\":\"/me\"}]}").status());
        assertEquals(400, http.send("POST", "/$batch", "{}").status());
        assertEquals(400, http.send("POST", "/$batch", "{\"requests\":").status());
        assertEquals(405, http.get("/$batch").status());
    }

    @Test
    void idsInItemUrlsStayOneSegmentAndNestedBatchIsRefused() throws Exception {
        ObjectNode batch = Http.JSON.createObjectNode();
        ArrayNode rq = batch.putArray("requests");
        item(rq, "1", "POST", "/users/a%2F..%2Fb/profile/positions", "{\"detail\":{\"jobTitle\":\"Odd\"}}");
        item(rq, "2", "POST", "/$batch", "{\"requests\":[]}");
        item(rq, "3", "GET", "https://graph.microsoft.com/beta/me/profile/positions", null);
        Map<String, JsonNode> got = byId(http.send("POST", "/$batch", batch.toString()).json());
        assertEquals(201, got.get("1").get("status").asInt());
        assertEquals(400, got.get("2").get("status").asInt());
        assertEquals(400, got.get("3").get("status").asInt());
        assertEquals(1, http.get("/users/a%2F..%2Fb/profile/positions").json().get("value").size());
    }
}
