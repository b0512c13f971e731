package dev.posctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schema --json-schema PATH is the schema of that part; an edit's id is a plain string. */
class SchemaPartTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    JsonNode schema(String... args) throws Exception {
        Cli.Result r = new Cli(dir).run(args);
        assertEquals(0, r.code(), r::toString);
        return JSON.readTree(r.out());
    }

    @Test
    void aPathGivesTheSchemaOfThatPart() throws Exception {
        JsonNode whole = schema("schema", "--json-schema");
        JsonNode detail = schema("schema", "--json-schema", "detail");
        assertTrue(detail.at("/properties/userId").isMissingNode(), detail::toString);
        assertEquals("#/$defs/positionDetail", detail.at("/$ref").asText(detail.at("/anyOf/0/$ref").asText()), detail::toString);
        assertTrue(detail.at("/$defs/positionDetail/properties/jobTitle").isObject(), detail::toString);
        assertEquals("https://json-schema.org/draft/2020-12/schema", detail.get("$schema").asText());
        JsonNode company = schema("schema", "--json-schema", "companyDetail");
        assertTrue(company.at("/properties/displayName").isObject(), company::toString);
        JsonNode title = schema("schema", "--json-schema", "detail.jobTitle");
        assertTrue(title.at("/type").toString().contains("string"), title::toString);
        assertFalse(whole.equals(detail));
    }

    @Test
    void anUnknownPathIsAUsageError() {
        Cli.Result r = new Cli(dir).run("schema", "--json-schema", "detail.nosuch");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("no field or type \"detail.nosuch\""), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void theEditsIdIsAPlainStringAndOtherReadOnlyFieldsStayReadOnly() throws Exception {
        JsonNode whole = schema("schema", "--json-schema");
        assertTrue(whole.at("/properties/id/readOnly").isMissingNode(), whole.at("/properties/id")::toString);
        assertTrue(whole.at("/properties/id/type").toString().contains("string"), whole.at("/properties/id")::toString);
        assertTrue(whole.at("/properties/createdBy/readOnly").asBoolean());
        assertTrue(schema("schema", "--json-schema", "id").at("/readOnly").isMissingNode());
    }
}
