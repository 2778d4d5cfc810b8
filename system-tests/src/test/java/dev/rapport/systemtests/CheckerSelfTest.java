package dev.rapport.systemtests;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks of the system tests must themselves fail when the product misbehaves. */
class CheckerSelfTest {

    private static final String DOCUMENT = """
            {"openapi":"3.1.0","paths":{
              "/api/things/{id}":{"get":{"responses":{
                 "200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                 "404":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}},
                "post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                 "responses":{"201":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                 "400":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}},
                 "500":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{"schemas":{
               "Thing":{"type":"object","required":["id","kind"],"properties":{
                  "id":{"type":"string","format":"uuid","maxLength":36},
                  "kind":{"type":"string","enum":["small","large"]},
                  "count":{"type":"integer","minimum":0,"maximum":10},
                  "name":{"type":"string","maxLength":5}}},
               "Problem":{"type":"object","required":["status"],"properties":{"status":{"type":"integer","minimum":100,"maximum":599}}}}}}""";
    private static final OpenApiDocument DOC = OpenApiDocument.parse(DOCUMENT);
    private static final String ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";

    private static Http.Response answer(String method, int status, String type, String body) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of(type), "RateLimit-Limit", List.of("50")), (a, b) -> true);
        return new Http.Response(method, "/api/things/" + ID, status, headers, body);
    }

    @Test
    void a_conforming_answer_passes() {
        new ResponseChecker(DOC).assertConforms(answer("GET", 200, "application/json",
                "{\"id\":\"" + ID + "\",\"kind\":\"small\",\"count\":3,\"name\":\"ab\"}"));
    }

    @Test
    void a_deliberately_broken_response_field_fails() {
        ResponseChecker checker = new ResponseChecker(DOC);
        assertThat(checker.problems(answer("GET", 200, "application/json", "{\"id\":\"" + ID + "\",\"kind\":\"medium\"}")))
                .anySatisfy(p -> assertThat(p).contains("kind"));
        assertThat(checker.problems(answer("GET", 200, "application/json", "{\"id\":\"not-a-uuid\",\"kind\":\"small\"}")))
                .isNotEmpty();
        assertThat(checker.problems(answer("GET", 200, "application/json", "{\"kind\":\"small\"}"))).isNotEmpty();
        assertThat(checker.problems(answer("GET", 200, "application/json",
                "{\"id\":\"" + ID + "\",\"kind\":\"small\",\"count\":11}"))).isNotEmpty();
        assertThat(checker.problems(answer("GET", 200, "application/json",
                "{\"id\":\"" + ID + "\",\"kind\":\"small\",\"name\":null}"))).isNotEmpty();
        assertThat(checker.problems(answer("GET", 418, "application/json", "{}"))).isNotEmpty();
        assertThatThrownBy(() -> checker.assertConforms(answer("GET", 200, "text/plain", "hi")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void an_unbounded_string_in_a_schema_fails() {
        assertThat(SchemaLint.unboundedStrings(DOC.root())).isEmpty();
        OpenApiDocument unbounded = OpenApiDocument.parse(DOCUMENT.replace("\"name\":{\"type\":\"string\",\"maxLength\":5}",
                "\"name\":{\"type\":\"string\"}"));
        assertThat(SchemaLint.unboundedStrings(unbounded.root()))
                .containsExactly("#/components/schemas/Thing/properties/name");
    }

    @Test
    void a_500_on_bad_input_fails_even_when_the_document_declares_it() {
        ResponseChecker checker = new ResponseChecker(DOC);
        Http.Response serverError = answer("POST", 500, "application/problem+json", "{\"status\":500}");
        assertThat(checker.problems(serverError)).isEmpty();
        assertThat(Verdicts.refusal(serverError, checker)).anySatisfy(p -> assertThat(p).contains("got 500"));
        assertThat(Verdicts.refusal(answer("POST", 400, "application/problem+json", "{\"status\":400}"), checker)).isEmpty();
        assertThat(Verdicts.refusal(answer("POST", 400, "application/problem+json",
                "{\"status\":400,\"detail\":\"java.lang.NullPointerException at dev.rapport.X.y(X.java:1)\"}"), checker))
                .anySatisfy(p -> assertThat(p).contains("insides"));
        assertThat(Verdicts.refusal(answer("POST", 400, "text/plain", "bad"), checker)).isNotEmpty();
    }

    @Test
    void a_missing_403_fails() {
        assertThat(Verdicts.access(403, answer("GET", 200, "application/json", "{}")))
                .anySatisfy(p -> assertThat(p).contains("expected 403, got 200"));
        assertThat(Verdicts.access(401, answer("GET", 403, "application/problem+json", "{}"))).isNotEmpty();
        assertThat(Verdicts.access(0, answer("GET", 403, "application/problem+json", "{}"))).isNotEmpty();
        assertThat(Verdicts.access(403, answer("GET", 403, "application/problem+json", "{}"))).isEmpty();
    }
}
