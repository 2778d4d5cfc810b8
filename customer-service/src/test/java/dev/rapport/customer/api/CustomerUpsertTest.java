package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.customer;
import static dev.rapport.customer.api.TestData.line;
import static dev.rapport.customer.api.TestData.purchase;
import static dev.rapport.customer.api.TestData.recordPurchase;
import static dev.rapport.customer.api.TestData.uniqueEmail;
import static dev.rapport.customer.api.TestData.uniqueExternalId;
import static dev.rapport.customer.api.TestData.uniqueOrderId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** PUT /customers/by-external-id/{externalId}: create, replace, no-op repeat, conflicts and conditions. */
@QuarkusTest
class CustomerUpsertTest {

    @Test
    void anUnknownExternalIdCreatesTheCustomer() {
        String externalId = uniqueExternalId();
        Map<String, Object> body = fullDocument();

        ExtractableResponse<Response> created = put(externalId, body, null)
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("externalId", equalTo(externalId))
                .body("email", equalTo(body.get("email")))
                .body("tags", contains("vip"))
                .body("referralCode", equalTo("ADA-FRIENDS"))
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/customers/" + id);
        given().when().get("/customers?externalId={x}", externalId).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void theSameDocumentAgainIs200WithoutANewVersion() {
        String externalId = uniqueExternalId();
        Map<String, Object> body = fullDocument();
        String id = put(externalId, body, null).statusCode(201).extract().path("id");

        put(externalId, body, null).statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("version", equalTo(0));
    }

    @Test
    void aKnownExternalIdIsReplacedOmittedFieldsBecomeEmptyAndTheRestIsKept() {
        String externalId = uniqueExternalId();
        Map<String, Object> body = fullDocument();
        ExtractableResponse<Response> created = put(externalId, body, null).statusCode(201).extract();
        String id = created.path("id");
        String createdAt = created.path("createdAt");
        String orderId = uniqueOrderId();
        recordPurchase(id, purchase(orderId, line("A1", 1, "2.50"))).statusCode(201);

        Map<String, Object> replacement = new HashMap<>();
        replacement.put("email", body.get("email"));
        replacement.put("firstName", "Augusta");
        replacement.put("externalId", externalId); // the same as the path: allowed

        put(externalId, replacement, null).statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("firstName", equalTo("Augusta"))
                .body("lastName", nullValue())
                .body("company", nullValue())
                .body("tags", empty())
                .body("attributes", anEmptyMap())
                .body("referralCode", equalTo("ADA-FRIENDS"))
                .body("createdAt", equalTo(createdAt))
                .body("version", equalTo(1));
        given().when().get("/customers/{id}/purchases", id).then().statusCode(200)
                .body("items[0].orderId", equalTo(orderId));
    }

    @Test
    void anotherExternalIdInTheBodyIs400() {
        Map<String, Object> body = fullDocument();
        body.put("externalId", uniqueExternalId());
        String externalId = uniqueExternalId();

        put(externalId, body, null).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("externalId"));
        given().when().get("/customers?externalId={x}", externalId).then().body("items", empty());
    }

    @Test
    void invalidInputIs400WithEveryFieldAndStoresNothing() {
        String externalId = uniqueExternalId();
        Map<String, Object> body = new HashMap<>();
        body.put("email", "not-an-email");
        body.put("birthday", "2999-01-01");

        put(externalId, body, null).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "birthday"));
        put("has space", Map.of("firstName", "Ada"), null).statusCode(400)
                .body("errors[0].field", equalTo("externalId"));
        given().contentType(ContentType.JSON).when().put("/customers/by-external-id/{x}", externalId)
                .then().statusCode(400);
        given().when().get("/customers?externalId={x}", externalId).then().body("items", empty());
    }

    @Test
    void anEmailOrPhoneOfAnotherCustomerIs409() {
        Map<String, Object> other = customer();
        String otherId = createCustomer(other);
        String externalId = uniqueExternalId();
        Map<String, Object> body = fullDocument();
        body.put("email", other.get("email"));

        put(externalId, body, null).statusCode(409)
                .body("type", equalTo("https://rapport.dev/problems/duplicate-customer"))
                .body("existingCustomerId", equalTo(otherId));

        String id = put(externalId, fullDocument(), null).statusCode(201).extract().path("id");
        put(externalId, body, null).statusCode(409).body("existingCustomerId", equalTo(otherId));
        given().when().get("/customers/{id}", id).then().body("version", equalTo(0));
    }

    @Test
    void ifMatchIsHonoured() {
        String externalId = uniqueExternalId();
        Map<String, Object> body = fullDocument();

        put(externalId, body, "\"0\"").statusCode(412)
                .body("type", equalTo("https://rapport.dev/problems/precondition-failed"));
        put(externalId, body, "*").statusCode(412);
        put(externalId, body, null).statusCode(201);

        body.put("company", "Engines Ltd");
        put(externalId, body, "\"7\"").statusCode(412).body("currentVersion", equalTo(0));
        put(externalId, body, "\"0\"").statusCode(200).header("ETag", "\"1\"").body("company", equalTo("Engines Ltd"));
    }

    @Test
    void theReferralCodeCannotBeChangedByAReplacement() {
        String externalId = uniqueExternalId();
        Map<String, Object> body = fullDocument();
        put(externalId, body, null).statusCode(201);

        body.put("referralCode", "OTHER-CODE");
        put(externalId, body, null).statusCode(400).body("errors[0].field", equalTo("referralCode"));
    }

    static Map<String, Object> fullDocument() {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", "Ada");
        body.put("lastName", "Lovelace");
        body.put("email", uniqueEmail());
        body.put("company", "Analytical Engines");
        body.put("tags", List.of("VIP"));
        body.put("attributes", Map.of("shoeSize", "38"));
        body.put("referralCode", "ADA-FRIENDS");
        return body;
    }

    static ValidatableResponse put(String externalId, Map<String, Object> body, String ifMatch) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put("/customers/by-external-id/{x}", externalId).then();
    }
}
