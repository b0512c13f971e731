package dev.posctl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaTest {
    private final Schema schema = Schema.get();

    /** Section 2 of the shared reference, property by property. */
    private static final Map<String, List<String>> REFERENCE = Map.of(
        "workPosition", List.of("id", "allowedAudiences", "inference", "createdBy", "createdDateTime", "lastModifiedBy",
            "lastModifiedDateTime", "isSearchable", "source", "sources", "categories", "colleagues", "detail", "isCurrent", "manager"),
        "positionDetail", List.of("company", "description", "endMonthYear", "jobTitle", "role", "startMonthYear", "summary",
            "level", "layer", "secondaryJobTitle", "secondaryRole", "employeeId", "employeeType"),
        "companyDetail", List.of("displayName", "address", "department", "officeLocation", "pronunciation", "webUrl",
            "companyCode", "secondaryDepartment", "costCenter", "division"),
        "physicalAddress", List.of("city", "countryOrRegion", "postalCode", "postOfficeBox", "state", "street", "type"),
        "relatedPerson", List.of("displayName", "relationship", "userPrincipalName", "userId"),
        "inferenceData", List.of("confidenceScore", "userHasVerifiedAccuracy"),
        "identitySet", List.of("application", "device", "user"),
        "identity", List.of("displayName", "id"),
        "personDataSources", List.of("type"),
        "profileSourceAnnotation", List.of("sourceId", "isDefaultSource", "properties"));

    @Test
    void everyTypeOfTheReferenceHasExactlyItsProperties() {
        REFERENCE.forEach((type, props) -> {
            Type t = schema.type(type);
            assertNotNull(t, type);
            assertEquals(new java.util.TreeSet<>(props), new java.util.TreeSet<>(t.properties().keySet()), type);
        });
    }

    @Test
    void kindsNullabilityAndReadOnlyFollowTheReference() {
        assertEquals(Kind.DATE, schema.resolve("detail.startMonthYear").type().kind());
        assertEquals(Kind.INT32, schema.resolve("detail.layer").type().kind());
        assertEquals(Kind.DOUBLE, schema.resolve("inference.confidenceScore").type().kind());
        assertEquals(Kind.DATE_TIME, schema.resolve("createdDateTime").type().kind());
        assertEquals(Kind.FLAGS_ENUM, schema.resolve("allowedAudiences").type().kind());
        assertEquals(Kind.ENUM, schema.resolve("manager.relationship").type().kind());
        assertEquals(Kind.COLLECTION, schema.resolve("categories").type().kind());
        assertEquals(Kind.COLLECTION, schema.resolve("source.type").type().kind());
        assertFalse(schema.resolve("detail").nullable());
        assertFalse(schema.resolve("detail.company.displayName").nullable());
        assertTrue(schema.resolve("detail.jobTitle").nullable());
        for (String ro : List.of("id", "createdBy", "createdDateTime", "lastModifiedBy", "lastModifiedDateTime")) {
            assertTrue(schema.resolve(ro).readOnly(), ro);
        }
        assertTrue(schema.type("identitySet").isOpen());
        assertTrue(schema.type("identity").isOpen());
        assertFalse(schema.type("positionDetail").isOpen());
    }

    @Test
    void enumsHaveTheReferenceMembersInOrder() {
        assertEquals(List.of("me", "family", "contacts", "groupMembers", "organization", "federatedOrganizations",
            "everyone", "unknownFutureValue"), schema.type("allowedAudiences").members());
        assertEquals(16, schema.type("personRelationship").members().size());
        assertEquals(List.of("unknown", "home", "business", "other"), schema.type("physicalAddressType").members());
    }

    @Test
    void pathsResolveThroughCollectionsAndUnknownStepsAreNull() {
        assertEquals("relationship", schema.resolve("colleagues.relationship").name());
        assertNull(schema.resolve("detail.title"));
        assertNull(schema.resolve("detail.jobTitle.x"));
        assertTrue(schema.paths().contains("detail.company.address.city"));
        assertEquals("userId", schema.editDocument().properties().keySet().iterator().next());
    }

    @Test
    void jsonSchemaIsDerivedFromTheModel() {
        JsonNode js = new JsonSchemaExporter(schema).export();
        assertEquals("https://json-schema.org/draft/2020-12/schema", js.get("$schema").asText());
        assertFalse(js.get("additionalProperties").asBoolean());
        assertEquals("#/$defs/positionDetail", js.at("/properties/detail/$ref").asText());
        assertEquals("date", js.at("/$defs/positionDetail/properties/startMonthYear/format").asText());
        assertEquals("#/$defs/companyDetail", js.at("/$defs/positionDetail/properties/company/anyOf/0/$ref").asText());
        assertTrue(js.at("/$defs/identitySet/additionalProperties").asBoolean());
        assertTrue(js.at("/$defs/allowedAudiences/pattern").asText().contains("federatedOrganizations"));
        assertEquals(schema.type("personRelationship").members().size(), js.at("/$defs/personRelationship/enum").size());
        assertTrue(js.at("/properties/createdBy/readOnly").asBoolean());
        assertEquals(2147483647, js.at("/$defs/positionDetail/properties/layer/maximum").asInt());
    }
}
