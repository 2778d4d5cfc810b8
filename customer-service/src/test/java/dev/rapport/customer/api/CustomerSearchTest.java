package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.customer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CustomerSearchTest {

    @Test
    void pagesThroughMoreThanOnePageInCreationOrderWithoutGapsOrRepeats() {
        String tag = "page-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Map<String, Object> body = customer();
            body.put("tags", List.of(tag));
            created.add(createCustomer(body));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("tag", tag).queryParam("limit", 10);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/customers").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void filtersByEachCriterion() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> ada = customer();
        ada.put("firstName", "Ada" + marker);
        ada.put("company", "Engines " + marker + " Ltd");
        ada.put("phone", TestData.uniquePhone());
        ada.put("externalId", TestData.uniqueExternalId());
        ada.put("tags", List.of("tag-" + marker));
        String adaId = createCustomer(ada);
        Map<String, Object> bob = customer();
        bob.put("lastName", "Bob" + marker.toUpperCase());
        String bobId = createCustomer(bob);

        given().queryParam("q", marker.toUpperCase()).when().get("/customers")
                .then().statusCode(200).body("items.id", contains(adaId, bobId));
        given().queryParam("q", "engines " + marker).when().get("/customers")
                .then().body("items.id", contains(adaId));
        given().queryParam("email", " " + ((String) ada.get("email")).toUpperCase()).when().get("/customers")
                .then().body("items.id", contains(adaId));
        String phone = (String) ada.get("phone");
        given().queryParam("phone", "(415) " + phone.substring(5, 8) + "-" + phone.substring(8)).when().get("/customers")
                .then().body("items.id", contains(adaId));
        given().queryParam("tag", "TAG-" + marker).when().get("/customers")
                .then().body("items.id", contains(adaId));
        given().queryParam("externalId", ada.get("externalId")).when().get("/customers")
                .then().body("items.id", contains(adaId));
        given().queryParam("q", marker).queryParam("tag", "tag-" + marker).when().get("/customers")
                .then().body("items.id", contains(adaId)).body("nextCursor", nullValue());
    }

    @Test
    void createdAfterIsExclusive() {
        String marker = "after-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> first = customer();
        first.put("tags", List.of(marker));
        String firstId = createCustomer(first);
        String firstCreatedAt = given().when().get("/customers/{id}", firstId).then().extract().path("createdAt");
        Map<String, Object> second = customer();
        second.put("tags", List.of(marker));
        String secondId = createCustomer(second);

        given().queryParam("tag", marker).queryParam("createdAfter", firstCreatedAt).when().get("/customers")
                .then().statusCode(200).body("items.id", contains(secondId));
    }

    @Test
    void aTimestampBeyondYear9999IsABadRequestNotAnError() {
        given().queryParam("createdAfter", "+999999999-12-31T23:59:59Z").when().get("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("createdAfter"));
    }

    @Test
    void wildcardsInFreeTextAreLiteral() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = customer();
        body.put("company", "100% " + marker);
        String id = createCustomer(body);
        Map<String, Object> other = customer();
        other.put("company", "100 " + marker);
        createCustomer(other);

        given().queryParam("q", "100% " + marker).when().get("/customers")
                .then().body("items.id", contains(id));
        given().queryParam("q", "_" + marker.substring(1)).when().get("/customers")
                .then().body("items", hasSize(0));
    }

    @Test
    void badParametersAre400() {
        given().queryParam("limit", 0).when().get("/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"))
                .body("errors[0].message", equalTo("must be an integer from 1 to 100"));
        given().queryParam("limit", 101).when().get("/customers").then().statusCode(400);
        given().queryParam("limit", "ten").when().get("/customers").then().statusCode(400);
        given().queryParam("cursor", "garbage").when().get("/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("createdAfter", "yesterday").when().get("/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("createdAfter"));
        given().queryParam("phone", "not a phone").queryParam("email", "nope").when().get("/customers")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("phone", "email"));
        given().queryParam("q", "x".repeat(201)).when().get("/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("q"));
    }

    @Test
    void aPurchasesCursorDoesNotPageCustomers() {
        String customerId = createCustomer();
        for (int i = 0; i < 2; i++) {
            TestData.recordPurchase(customerId, TestData.purchase(TestData.uniqueOrderId(), TestData.line("A", 1, "1.00")))
                    .statusCode(201);
        }
        String purchasesCursor = given().queryParam("limit", 1)
                .when().get("/customers/{id}/purchases", customerId)
                .then().statusCode(200).extract().path("nextCursor");

        given().queryParam("cursor", purchasesCursor).when().get("/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void defaultPageSizeIs20() {
        String tag = "size-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 21; i++) {
            Map<String, Object> body = customer();
            body.put("tags", List.of(tag));
            createCustomer(body);
        }

        given().queryParam("tag", tag).when().get("/customers")
                .then().statusCode(200).body("items", hasSize(20)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }
}
