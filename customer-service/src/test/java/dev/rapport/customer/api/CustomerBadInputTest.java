package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.create;
import static dev.rapport.customer.api.TestData.customer;
import static dev.rapport.customer.api.TestData.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every kind of bad input answers a problem document, never a 500, and stores nothing. */
@QuarkusTest
class CustomerBadInputTest {

    private static final String VALIDATION = "https://rapport.dev/problems/validation";

    private static ValidatableResponse postRaw(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/customers").then();
    }

    private static void assertNotStored(String email) {
        given().queryParam("email", email).when().get("/customers")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void malformedJson() {
        postRaw("{\"email\": \"a@example.com\", ")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/malformed-request"))
                .body("title", equalTo("Malformed request body"))
                .body("status", equalTo(400))
                .body("detail", startsWith("Request body is not valid JSON"))
                .body(not(containsString("Exception")));
    }

    @Test
    void missingOrEmptyBody() {
        given().contentType(ContentType.JSON).when().post("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        postRaw("null").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongTypes() {
        String email = uniqueEmail();
        postRaw("{\"email\": \"" + email + "\", \"firstName\": 42}")
                .statusCode(400)
                .body("type", equalTo(VALIDATION))
                .body("errors[0].field", equalTo("firstName"))
                .body("errors[0].message", equalTo("must be a string"));
        postRaw("{\"email\": \"" + email + "\", \"tags\": \"vip\"}")
                .statusCode(400).body("errors[0].field", equalTo("tags"));
        postRaw("{\"email\": \"" + email + "\", \"preferences\": [\"a\"]}")
                .statusCode(400).body("errors[0].field", equalTo("preferences"));
        postRaw("{\"email\": \"" + email + "\", \"attributes\": {\"size\": 38}}")
                .statusCode(400).body("errors[0].field", equalTo("attributes.size"));
        postRaw("{\"email\": \"" + email + "\", \"birthday\": \"10/12/1990\"}")
                .statusCode(400).body("errors[0].field", equalTo("birthday"))
                .body("errors[0].message", equalTo("must be a date (YYYY-MM-DD)"));
        postRaw("[]").statusCode(400).body("errors[0].field", equalTo("body"));
        assertNotStored(email);
    }

    @Test
    void unknownEnumValue() {
        Map<String, Object> body = customer();
        body.put("acquisitionChannel", "carrier-pigeon");

        create(body).statusCode(400)
                .body("errors[0].field", equalTo("acquisitionChannel"))
                .body("errors[0].message", equalTo("must be one of [phone, email, web-form, referral, import, other]"));
        assertNotStored((String) body.get("email"));
    }

    @Test
    void unknownPropertiesAreRefusedSoTyposAreNoticed() {
        Map<String, Object> body = customer();
        body.put("emial", "typo@example.com");

        create(body).statusCode(400)
                .body("errors[0].field", equalTo("emial"))
                .body("errors[0].message", equalTo("is not a known property"));
        assertNotStored((String) body.get("email"));
    }

    @Test
    void tooLongStringsAndTooManyItems() {
        Map<String, Object> body = customer();
        body.put("firstName", "x".repeat(101));
        body.put("lastName", "y".repeat(101));
        body.put("company", "c".repeat(201));
        body.put("jobTitle", "j".repeat(101));
        body.put("externalId", "e".repeat(101));
        body.put("referralCode", "r".repeat(51));
        body.put("tags", IntStream.range(0, 51).mapToObj(i -> "tag" + i).toList());
        Map<String, String> attributes = new HashMap<>();
        IntStream.range(0, 51).forEach(i -> attributes.put("k" + i, "v"));
        body.put("attributes", attributes);
        body.put("preferences", Map.of("language", "l".repeat(201)));

        create(body).statusCode(400)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItems("firstName", "lastName", "company", "jobTitle", "externalId",
                        "referralCode", "tags", "attributes", "preferences.language"))
                .body("errors.find { it.field == 'firstName' }.message", equalTo("must be at most 100 characters"));
        assertNotStored((String) body.get("email"));
    }

    @Test
    void invalidEmailPhoneAndBirthday() {
        Map<String, Object> body = new HashMap<>();
        body.put("email", "ada(at)example.com");
        body.put("phone", "call me maybe");
        body.put("birthday", java.time.LocalDate.now().plusDays(2).toString());

        create(body).statusCode(400)
                .body("errors.field", hasItems("email", "phone", "birthday"))
                .body("errors.find { it.field == 'birthday' }.message", equalTo("must not be in the future"));
    }

    @Test
    void aTagOfTheWrongShapeNamesItsIndex() {
        Map<String, Object> body = customer();
        body.put("tags", List.of("ok", "no;semicolons"));

        create(body).statusCode(400).body("errors[0].field", equalTo("tags[1]"));
    }

    @Test
    void noIdentifierAtAll() {
        create(Map.of("firstName", "Nobody"))
                .statusCode(400)
                .body("errors[0].field", equalTo("email"))
                .body("errors[0].message", equalTo("at least one of email, phone or externalId is required"));
    }

    @Test
    void unsupportedMediaTypeAndUnknownMethod() {
        given().contentType(ContentType.TEXT).body("email=a@example.com")
                .when().post("/customers")
                .then().statusCode(415).contentType("application/problem+json");
        given().when().delete("/customers")
                .then().statusCode(405).contentType("application/problem+json");
    }
}
