package dev.posctl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.posctl.input.Edit;
import dev.posctl.input.EditInputs;
import dev.posctl.input.Format;
import dev.posctl.input.OverlayBuilder;
import dev.posctl.input.Source;
import dev.posctl.schema.Schema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    static final String OK = "\"userId\":\"adele@contoso.com\",\"id\":\"p1\"";

    static ProblemSink check(String stdin, boolean strict) {
        ProblemSink sink = new ProblemSink(strict);
        List<Edit> edits = new ArrayList<>();
        new EditInputs(Schema.get(), List.of(new Source("<stdin>", null, null)), new OverlayBuilder(Schema.get()))
            .read(sink, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), () -> LocalDate.of(2026, 11, 28), edits::add);
        return sink;
    }

    static String codes(ProblemSink sink) {
        return sink.problems().stream().map(p -> p.code().code()).collect(Collectors.joining(","));
    }

    @Test
    void aValidEditHasNoProblems() {
        ProblemSink s = check("{" + OK + ",\"detail\":{\"jobTitle\":\"PM\",\"layer\":3,\"company\":{\"displayName\":\"C\"}},"
            + "\"allowedAudiences\":\"organization,contacts\",\"isCurrent\":true,\"categories\":[\"a\"],"
            + "\"@odata.type\":\"#microsoft.graph.workPosition\",\"createdBy\":{\"user\":{\"id\":\"x\",\"extra\":1}}}", false);
        assertEquals("read-only", codes(s));
        assertFalse(s.hasErrors());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"detail\":{\"title\":\"x\"}                      | unknown-property    | detail.title        | did you mean jobTitle?",
        "\"detail\":{\"start\":\"2021-01-01\"}             | unknown-property    | detail.start        | did you mean startMonthYear?",
        "\"detail\":{\"startMonthYear\":\"2021-13-01\"}    | invalid-date        | detail.startMonthYear | is not a date (expected YYYY-MM-DD)",
        "\"detail\":{\"endMonthYear\":\"2021-02-30\"}      | invalid-date        | detail.endMonthYear | is not a date",
        "\"detail\":{\"layer\":2147483648}                 | int32-out-of-range  | detail.layer        | outside the Int32 range",
        "\"detail\":{\"layer\":\"3\"}                      | wrong-type          | detail.layer        | expected Int32, got string \"3\"",
        "\"detail\":{\"layer\":1.5}                        | wrong-type          | detail.layer        | expected Int32",
        "\"detail\":null                                   | null-not-allowed    | detail              | may not be null",
        "\"detail\":{\"company\":{\"displayName\":null}}   | null-not-allowed    | detail.company.displayName | may not be null",
        "\"detail\":[]                                     | wrong-type          | detail              | expected an object (positionDetail)",
        "\"allowedAudiences\":\"Organization\"             | unknown-enum-member | allowedAudiences    | did you mean \"organization\"?",
        "\"allowedAudiences\":\"organization,friends\"     | unknown-enum-member | allowedAudiences    | \"friends\" is not a member",
        "\"manager\":{\"relationship\":\"boss\"}           | unknown-enum-member | manager.relationship | not a member of personRelationship",
        "\"isCurrent\":\"yes\"                             | wrong-type          | isCurrent           | expected Boolean",
        "\"categories\":\"a\"                              | wrong-type          | categories          | expected an array of String",
        "\"categories\":[\"a\",null]                       | null-not-allowed    | categories[1]       | may not hold null",
        "\"colleagues\":[{\"relationship\":\"x\"}]         | unknown-enum-member | colleagues[0].relationship | not a member",
        "\"jobTitle\":\"x\"                                | unknown-property    | jobTitle            | unknown property of workPosition",
        "\"@odata.type\":\"#microsoft.graph.user\"         | wrong-odata-type    | @odata.type         | expected \"#microsoft.graph.workPosition\"",
        "\"detail\":{\"@odata.type\":\"microsoft.graph.workPosition\"} | wrong-odata-type | detail.@odata.type | positionDetail",
        "\"lastModifiedDateTime\":\"x\"                    | read-only           | lastModifiedDateTime | left out of the request",
        "\"inference\":{\"confidenceScore\":1.5}           | confidence-out-of-range | inference.confidenceScore | outside 0..1",
        "\"inference\":{\"confidenceScore\":1e400}         | double-out-of-range | inference.confidenceScore | 1e400 is not a finite Double",
        "\"inference\":{\"confidenceScore\":-1e309}        | double-out-of-range | inference.confidenceScore | is not a finite Double",
        "\"isCurrent\":true,\"detail\":{\"endMonthYear\":\"2020-01-01\"} | current-with-past-end | isCurrent | in the past",
        "\"detail\":{\"startMonthYear\":\"2022-01-01\",\"endMonthYear\":\"2020-01-01\"} | end-before-start | detail.endMonthYear | before startMonthYear",
    })
    void eachRuleReportsItsCodePathAndMessage(String fields, String code, String path, String message) {
        ProblemSink s = check("{" + OK + "," + fields + "}", false);
        assertEquals(1, s.problems().size(), () -> s.problems().toString());
        Problem p = s.problems().get(0);
        assertEquals(code, p.code().code());
        assertEquals(path, p.path());
        assertTrue(p.message().contains(message), p.message());
        assertEquals(1, p.location().line());
        assertTrue(p.location().column() > 1);
    }

    @Test
    void warningsAreErrorsWhenStrict() {
        ProblemSink s = check("{" + OK + ",\"createdDateTime\":\"2020-01-01T00:00:00Z\"}", true);
        assertTrue(s.hasErrors());
        assertEquals(Severity.ERROR, s.problems().get(0).severity());
    }

    @Test
    void everyProblemOfEveryDocumentIsReported() {
        String ndjson = "{" + OK + ",\"detail\":{\"title\":1,\"layer\":\"x\"}}\n"
            + "{\"id\":\"p\"}\n"
            + "not json\n"
            + "[1]\n"
            + "{" + OK + "}\n"
            + "{" + OK + ",\"isCurrent\":1,\"isCurrent\":true}\n";
        ProblemSink s = check(ndjson, false);
        assertEquals("unknown-property,wrong-type,missing-user-id,syntax,not-an-object,wrong-type,duplicate-key", codes(s));
        assertEquals(List.of(1, 1, 2, 3, 4, 6, 6), s.problems().stream().map(p -> p.location().line()).collect(Collectors.toList()));
    }

    @Test
    void duplicateKeysAreErrors() {
        ProblemSink s = check("{" + OK + ",\"detail\":{\"role\":\"a\",\"role\":\"b\"}}", false);
        assertEquals("duplicate-key", codes(s));
        assertEquals("detail.role", s.problems().get(0).path());
    }

    @Test
    void missingAddressingKeysAndEmptyInput() {
        assertEquals("missing-user-id,missing-id", codes(check("{\"detail\":{}}", false)));
        assertEquals("empty-input", codes(check("", false)));
        assertEquals("empty-input", codes(check("  \n\n", false)));
    }

    @Test
    void yamlLocationsAndYamlSpecifics() {
        String yaml = "userId: a\nid: b\ndetail:\n  employeeId: 12345\n  startMonthYear: 2021-13-01\n---\nuserId: c\nid: d\nmanager: *ref\n";
        ProblemSink s = check(yaml, false);
        assertEquals("invalid-date,yaml-alias", codes(s));
        Problem date = s.problems().get(0);
        assertEquals(5, date.location().line());
        assertEquals(19, date.location().column());
        assertEquals(1, date.location().document());
        assertEquals(2, s.problems().get(1).location().document());
        assertEquals("<stdin>:5:19: error: detail.startMonthYear: \"2021-13-01\" is not a date (expected YYYY-MM-DD)", date.toText());
    }

    @Test
    void yamlBombsAndDeepNestingFailFast() {
        StringBuilder bomb = new StringBuilder("userId: a\nid: b\nx0: &a0 [lol]\n");
        for (int i = 1; i < 30; i++) {
            bomb.append("x").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j > 0 ? "," : "").append("*a").append(i - 1);
            }
            bomb.append("]\n");
        }
        long start = System.nanoTime();
        ProblemSink s = check(bomb.toString(), false);
        assertTrue(s.hasErrors());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5000);

        String deep = "{" + OK + ",\"createdBy\":{\"user\":" + "{\"a\":".repeat(60) + "1" + "}".repeat(60) + "}}";
        ProblemSink d = check(deep, false);
        assertTrue(codes(d).contains("too-deep") || codes(d).contains("read-only"), codes(d));
        String deeper = "[" .repeat(5000) + "]".repeat(5000);
        ProblemSink e = check(deeper, false);
        assertTrue(e.hasErrors());
        assertTrue(e.problems().stream().anyMatch(p -> p.code() == ProblemCode.SYNTAX && p.message().equals("values are nested more than 100 deep, the most posctl reads")),
            e.problems().toString());
    }

    @Test
    void openTypesKeepUnknownFieldsButClosedOnesDoNot() {
        ProblemSink s = check("{" + OK + ",\"manager\":{\"displayName\":\"M\",\"mail\":\"m@x\"}}", false);
        assertEquals("unknown-property", codes(s));
        assertTrue(s.problems().get(0).message().contains("relatedPerson"));
    }

    @Test
    void formatsAreChosenByExtension() {
        assertEquals(Format.YAML, Format.forFileName("a.YML"));
        assertEquals(Format.NDJSON, Format.forFileName("a.jsonl"));
        assertEquals(Format.JSON, Format.forFileName("a.json"));
        assertEquals(null, Format.forFileName("a.txt"));
    }
}
