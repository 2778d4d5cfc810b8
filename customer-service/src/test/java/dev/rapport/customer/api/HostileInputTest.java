package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.customer;
import static dev.rapport.customer.api.TestData.uniqueEmail;
import static dev.rapport.customer.api.TestData.uniqueExternalId;
import static dev.rapport.customer.api.TestData.uniqueOrderId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Requests an attacker sends: each is a 400 problem naming the field, nothing is stored and no
 * other resource is touched.
 */
@QuarkusTest
class HostileInputTest {

    private static ValidatableResponse badRequest(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    private static ValidatableResponse postJson(String path, String json, Object... params) {
        return given().contentType(ContentType.JSON).body(json).when().post(path, params).then();
    }

    @Test
    void nulInASearchIsABadRequestNotADatabaseError() {
        badRequest(given().urlEncodingEnabled(false).get("/customers?q=%00").then(), "q");
        badRequest(given().urlEncodingEnabled(false).get("/customers?email=a%00b@example.com").then(), "email");
        badRequest(given().urlEncodingEnabled(false).get("/customers?externalId=%ff%fe").then(), "externalId");
    }

    @Test
    void aDueTimeBeyondYear9999IsABadRequest() {
        String customerId = createCustomer();
        badRequest(postJson("/customers/{id}/follow-ups",
                "{\"title\":\"Call\",\"dueAt\":\"+999999999-12-31T23:59:59Z\"}", customerId), "dueAt");
        badRequest(given().urlEncodingEnabled(false)
                .get("/follow-ups?owner=a%00").then(), "owner");
        given().get("/customers/{id}/follow-ups", customerId).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aMatrixParameterDoesNotAddressTheCustomerBeforeIt() {
        String externalId = uniqueExternalId();
        Map<String, Object> original = customer();
        given().contentType(ContentType.JSON).body(original)
                .when().put("/customers/by-external-id/{externalId}", externalId).then().statusCode(201);
        Map<String, Object> replacement = customer();
        replacement.put("firstName", "Mallory");
        badRequest(given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(replacement)
                .when().put("/customers/by-external-id/" + externalId + ";other").then(), "path");
        given().queryParam("externalId", externalId).get("/customers").then().statusCode(200)
                .body("items[0].firstName", equalTo("Ada"));
    }

    @Test
    void anExternalIdThatIsNotUtf8IsABadRequest() {
        badRequest(given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(customer())
                .when().put("/customers/by-external-id/%ff%fe").then(), "path")
                .body("errors[0].message", equalTo("must be percent-encoded UTF-8"));
    }

    @Test
    void aLoneSurrogateIsRefusedOnCreateAndOnPatch() {
        String email = uniqueEmail();
        badRequest(postJson("/customers", "{\"email\":\"" + email + "\",\"firstName\":\"a\\ud800b\"}"), "firstName");
        badRequest(postJson("/customers", "{\"email\":\"" + email + "\",\"tags\":[\"\\udc00\"]}"), "tags[0]");
        badRequest(postJson("/customers", "{\"email\":\"" + email + "\",\"company\":\"a\\u0000b\"}"), "company");
        given().queryParam("email", email).get("/customers").then().statusCode(200).body("items", hasSize(0));

        String id = createCustomer();
        badRequest(given().contentType("application/merge-patch+json").body("{\"lastName\":\"x\\ud800\"}")
                .when().patch("/customers/{id}", id).then(), "lastName");
        badRequest(given().contentType("application/merge-patch+json").body("{\"attributes\":{\"size\":\"\\u0000\"}}")
                .when().patch("/customers/{id}", id).then(), "attributes.size");
        given().get("/customers/{id}", id).then().statusCode(200).body("lastName", equalTo("Lovelace"));
    }

    @Test
    void numbersAreNotDates() {
        String email = uniqueEmail();
        badRequest(postJson("/customers", "{\"email\":\"" + email + "\",\"birthday\":12345}"), "birthday");
        given().queryParam("email", email).get("/customers").then().statusCode(200).body("items", hasSize(0));

        String customerId = createCustomer();
        badRequest(postJson("/customers/{id}/follow-ups", "{\"title\":\"Call\",\"dueAt\":1700000000}", customerId),
                "dueAt");
        badRequest(postJson("/customers/{id}/purchases", "{\"orderId\":\"" + uniqueOrderId() + "\",\"currency\":\"GBP\","
                + "\"occurredAt\":1700000000,\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}",
                customerId), "occurredAt");
        badRequest(postJson("/customers/{id}/interactions",
                "{\"channel\":\"phone\",\"direction\":\"inbound\",\"summary\":\"Called\",\"agent\":\"j.smith\",\"occurredAt\":1700000000}", customerId), "occurredAt");
        badRequest(given().contentType(ContentType.JSON)
                .body("{\"status\":\"granted\",\"source\":\"web-form\",\"capturedAt\":1700000000}")
                .when().put("/customers/{id}/consents/email/marketing", customerId).then(), "capturedAt");
    }
}
