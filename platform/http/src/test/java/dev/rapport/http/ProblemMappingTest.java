package dev.rapport.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProblemMappingTest {

    private static final String VALID = """
            {"name":"tea","channel":"web-form","day":"2024-01-31","gift":true,
             "lines":[{"sku":"A1","quantity":2,"unitPrice":"1.50"}],"notes":{"k":"v"}}""";

    @Test
    void validBodyPasses() {
        given().contentType(ContentType.JSON).body(VALID)
                .when().post("/probe/orders")
                .then().statusCode(200)
                .body("channel", equalTo("web-form"))
                .body("lines[0].unitPrice", equalTo(1.50f));
    }

    @Test
    void beanValidationFailuresListEveryFieldByJsonPath() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"name":"far too long a name","lines":[{"sku":"","quantity":0}]}""")
                .when().post("/probe/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.VALIDATION))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("3 fields are invalid"))
                .body("instance", equalTo("/probe/orders"))
                .body("errors.field", allOf(hasItem("name"), hasItem("lines[0].sku"), hasItem("lines[0].quantity")))
                .body("errors", hasSize(3));
    }

    @Test
    void missingBodyIsAFieldError() {
        given().contentType(ContentType.JSON)
                .when().post("/probe/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("is required"));
    }

    @Test
    void jsonNullBodyIsTheSameFieldError() {
        given().contentType(ContentType.JSON).body("null")
                .when().post("/probe/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("is required"));
    }

    @Test
    void malformedJsonIsAMalformedRequestProblem() {
        given().contentType(ContentType.JSON).body("{\"name\": \"tea\", ")
                .when().post("/probe/orders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.MALFORMED_REQUEST))
                .body("detail", startsWith("Request body is not valid JSON"))
                .body("detail", not(containsString("dev.rapport")));
    }

    @Test
    void trailingGarbageAndDuplicateKeysAreMalformed() {
        given().contentType(ContentType.JSON).body(VALID + " {}")
                .when().post("/probe/orders")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"name\":\"b\",\"lines\":[{\"sku\":\"x\",\"quantity\":1}]}")
                .when().post("/probe/orders")
                .then().statusCode(400)
                .body("type", equalTo(ProblemTypes.MALFORMED_REQUEST))
                .body("detail", containsString("Duplicate field"));
    }

    @Test
    void unknownEnumValueListsTheAcceptedWireValues() {
        given().contentType(ContentType.JSON).body(VALID.replace("web-form", "fax"))
                .when().post("/probe/orders")
                .then().statusCode(400)
                .body("type", equalTo(ProblemTypes.VALIDATION))
                .body("errors[0].field", equalTo("channel"))
                .body("errors[0].message", equalTo("must be one of [web-form, phone]"));
    }

    @Test
    void enumOrdinalIsRejected() {
        given().contentType(ContentType.JSON).body(VALID.replace("\"web-form\"", "0"))
                .when().post("/probe/orders")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("channel"));
    }

    @Test
    void wrongTypesNameTheFieldAndTheExpectedType() {
        given().contentType(ContentType.JSON).body(VALID.replace("\"quantity\":2", "\"quantity\":\"many\""))
                .when().post("/probe/orders")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("lines[0].quantity"))
                .body("errors[0].message", equalTo("must be an integer"));
        given().contentType(ContentType.JSON).body(VALID.replace("\"quantity\":2", "\"quantity\":1.5"))
                .when().post("/probe/orders")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("lines[0].quantity"));
        given().contentType(ContentType.JSON).body(VALID.replace("\"tea\"", "123"))
                .when().post("/probe/orders")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must be a string"));
        given().contentType(ContentType.JSON).body(VALID.replace("true", "1"))
                .when().post("/probe/orders")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("gift"));
        given().contentType(ContentType.JSON).body(VALID.replace("2024-01-31", "31/01/2024"))
                .when().post("/probe/orders")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("day"))
                .body("errors[0].message", equalTo("must be a date (YYYY-MM-DD)"));
        given().contentType(ContentType.JSON).body(VALID.replace("\"1.50\"", "\"cheap\""))
                .when().post("/probe/orders")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("lines[0].unitPrice"))
                .body("errors[0].message", equalTo("must be a number"));
        given().contentType(ContentType.JSON).body("[1,2]")
                .when().post("/probe/orders")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("must be an object"));
    }

    @Test
    void queryParameterConstraintsNameTheParameter() {
        given().queryParam("limit", 500)
                .when().get("/probe/page")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void problemExceptionKeepsItsExtensions() {
        given().when().get("/probe/problem")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.CONFLICT))
                .body("existingCustomerId", equalTo("c-1"))
                .body("instance", equalTo("/probe/problem"));
    }

    @Test
    void notFoundFromCodeKeepsItsMessage() {
        given().when().get("/probe/missing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.NOT_FOUND))
                .body("detail", equalTo("Customer 42 does not exist"));
    }

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/no/such/path")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.NOT_FOUND))
                .body("detail", equalTo("No resource at /no/such/path"));
    }

    @Test
    void wrongMethodIs405() {
        given().when().delete("/probe/page")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.METHOD_NOT_ALLOWED));
    }

    @Test
    void unsupportedContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("name=tea")
                .when().post("/probe/orders")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.UNSUPPORTED_MEDIA_TYPE))
                .body("detail", containsString("text/plain"));
    }

    @Test
    void unacceptableAcceptIs406() {
        given().accept("application/xml")
                .when().get("/probe/page")
                .then().statusCode(406)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.NOT_ACCEPTABLE));
    }

    @Test
    void unexpectedErrorIs500WithoutInternals() {
        given().when().get("/probe/boom")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.INTERNAL))
                .body("reference", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .body(not(containsString("secret")))
                .body(not(containsString("IllegalStateException")));
    }
}
