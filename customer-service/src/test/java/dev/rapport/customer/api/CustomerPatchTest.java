package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.customer;
import static dev.rapport.customer.api.TestData.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CustomerPatchTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static ValidatableResponse patch(String id, String ifMatch, String body) {
        var request = given().contentType(MERGE_PATCH).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().patch("/customers/{id}", id).then();
    }

    private static String richCustomer() {
        Map<String, Object> body = customer();
        body.put("company", "Engines Ltd");
        body.put("phone", TestData.uniquePhone());
        body.put("tags", List.of("vip", "newsletter"));
        body.put("preferences", Map.of("language", "en", "newsletter", "weekly"));
        body.put("attributes", Map.of("shoeSize", "38"));
        return createCustomer(body);
    }

    @Test
    void mergePatchSemantics() {
        String id = richCustomer();

        patch(id, "\"0\"", """
                {"jobTitle": "Countess", "company": null, "preferences": {"newsletter": null, "language": "fr"},
                 "attributes": {"hatSize": "7"}, "tags": ["Patron"]}""")
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("jobTitle", equalTo("Countess"))
                .body("company", nullValue())
                .body("firstName", equalTo("Ada"))
                .body("preferences", equalTo(Map.of("language", "fr")))
                .body("attributes", equalTo(Map.of("shoeSize", "38", "hatSize", "7")))
                .body("tags", contains("patron"));

        given().when().get("/customers/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"").body("jobTitle", equalTo("Countess"));
    }

    @Test
    void nullForAMapOrTagsClearsIt() {
        String id = richCustomer();

        patch(id, null, "{\"preferences\": null, \"tags\": null, \"phone\": null}")
                .statusCode(200)
                .body("preferences", equalTo(Map.of()))
                .body("tags", org.hamcrest.Matchers.empty())
                .body("phone", nullValue());
    }

    @Test
    void plainJsonIsAcceptedToo() {
        String id = createCustomer();

        given().contentType("application/json").body("{\"lastName\": \"Byron\"}")
                .when().patch("/customers/{id}", id)
                .then().statusCode(200).body("lastName", equalTo("Byron"));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String id = createCustomer();
        patch(id, "\"0\"", "{\"lastName\": \"Byron\"}").statusCode(200);

        patch(id, "\"0\"", "{\"lastName\": \"King\"}")
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/precondition-failed"))
                .body("currentVersion", equalTo(1));
        patch(id, "W/\"1\"", "{\"lastName\": \"King\"}").statusCode(412);
        patch(id, "\"garbage\"", "{\"lastName\": \"King\"}").statusCode(412);

        given().when().get("/customers/{id}", id)
                .then().body("lastName", equalTo("Byron")).header("ETag", "\"1\"");
        patch(id, "\"1\"", "{\"lastName\": \"King\"}").statusCode(200).header("ETag", "\"2\"");
        patch(id, "*", "{\"lastName\": \"Noel\"}").statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        String id = createCustomer();

        patch(id, "\"0\"", "{\"firstName\": \" Ada \"}").statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0));
        patch(id, null, "{}").statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void readOnlyUnknownAndMistypedMembersAreRefused() {
        String id = createCustomer();

        patch(id, null, """
                {"id": "x", "version": 9, "emial": "a@b.co", "firstName": 42, "tags": "vip",
                 "preferences": {"language": 1}, "birthday": "10/12/1815"}""")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/validation"))
                .body("errors.field", hasItems("id", "version", "emial", "firstName", "tags", "preferences.language",
                        "birthday"))
                .body("errors.find { it.field == 'id' }.message", equalTo("is read-only"))
                .body("errors.find { it.field == 'emial' }.message", equalTo("is not a known property"));
        given().when().get("/customers/{id}", id).then().body("version", equalTo(0));
    }

    @Test
    void invalidValuesAre400WithFieldErrors() {
        String id = createCustomer();

        patch(id, null, "{\"email\": \"nope\", \"phone\": \"12\", \"acquisitionChannel\": \"fax\", \"birthday\": \"2999-01-01\"}")
                .statusCode(400)
                .body("errors.field", hasItems("email", "phone", "acquisitionChannel", "birthday"));
    }

    @Test
    void removingTheLastIdentifierIsRefused() {
        String id = createCustomer();

        patch(id, null, "{\"email\": null}")
                .statusCode(400)
                .body("errors[0].field", equalTo("email"))
                .body("errors[0].message", equalTo("at least one of email, phone or externalId is required"));
    }

    @Test
    void takingAnotherCustomersEmailIs409() {
        Map<String, Object> other = customer();
        String otherId = createCustomer(other);
        String id = createCustomer();

        patch(id, null, "{\"email\": \"" + other.get("email") + "\"}")
                .statusCode(409)
                .body("existingCustomerId", equalTo(otherId));
        patch(id, null, "{\"email\": \"" + uniqueEmail() + "\"}").statusCode(200);
    }

    @Test
    void patchingAnUnknownCustomerIs404() {
        patch(UUID.randomUUID().toString(), null, "{\"lastName\": \"x\"}").statusCode(404);
    }

    @Test
    void aPatchMustBeAJsonObjectOfASupportedType() {
        String id = createCustomer();

        patch(id, null, "[1]").statusCode(400).body("errors[0].field", equalTo("body"));
        patch(id, null, "{\"lastName\": ").statusCode(400)
                .body("type", equalTo("https://rapport.dev/problems/malformed-request"));
        given().contentType("text/plain").body("lastName=x")
                .when().patch("/customers/{id}", id)
                .then().statusCode(415).contentType("application/problem+json");
        given().when().get("/customers/{id}", id).then().body("lastName", not(equalTo("x")));
    }
}
