package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.line;
import static dev.rapport.customer.api.TestData.purchase;
import static dev.rapport.customer.api.TestData.recordPurchase;
import static dev.rapport.customer.api.TestData.uniqueOrderId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class PurchaseApiTest {

    private static ValidatableResponse postRaw(String customerId, String json) {
        return given().contentType(ContentType.JSON).body(json)
                .when().post("/customers/{id}/purchases", customerId).then();
    }

    private static void assertNotStored(String customerId, String orderId) {
        given().when().get("/customers/{id}/purchases/{orderId}", customerId, orderId).then().statusCode(404);
    }

    @Test
    void recordsAPurchaseWithTheTotalComputedFromTheLines() {
        String customerId = createCustomer();
        String orderId = uniqueOrderId();

        var created = recordPurchase(customerId, purchase(orderId, line("85123A", 6, "2.55"), line("71053", 6, 3.39)))
                .statusCode(201)
                .body("id", notNullValue())
                .body("customerId", equalTo(customerId))
                .body("orderId", equalTo(orderId))
                .body("currency", equalTo("GBP"))
                .body("total", equalTo("35.64"))
                .body("returnedAmount", equalTo("0.00"))
                .body("remainingAmount", equalTo("35.64"))
                .body("occurredAt", equalTo("2024-05-02T08:26:00Z"))
                .body("lines.lineNumber", contains(1, 2))
                .body("lines[1].unitPrice", equalTo("3.39"))
                .body("lines[1].amount", equalTo("20.34"))
                .body("lines[0].returnedQuantity", equalTo(0))
                .body("returns", hasSize(0))
                .extract();
        assertThat(created.header("Location")).endsWith("/customers/" + customerId + "/purchases/" + orderId);

        given().when().get(created.header("Location"))
                .then().statusCode(200).body("id", equalTo(created.path("id"))).body("total", equalTo("35.64"));
    }

    @Test
    void aRepeatOfTheSameOrderReturnsTheStoredPurchaseWith200() {
        String customerId = createCustomer();
        String orderId = uniqueOrderId();
        Map<String, Object> body = purchase(orderId, line("A", 2, "1.50"));

        String id = recordPurchase(customerId, body).statusCode(201).extract().path("id");
        body.put("occurredAt", "2024-05-02T09:00:00Z");
        recordPurchase(customerId, body).statusCode(200).body("id", equalTo(id))
                .body("occurredAt", equalTo("2024-05-02T08:26:00Z"));

        given().when().get("/customers/{id}/purchases", customerId).then().body("items", hasSize(1));
    }

    @Test
    void theSameOrderIdWithOtherLinesOrForAnotherCustomerIs409() {
        String customerId = createCustomer();
        String orderId = uniqueOrderId();
        String id = recordPurchase(customerId, purchase(orderId, line("A", 2, "1.50"))).statusCode(201).extract().path("id");

        recordPurchase(customerId, purchase(orderId, line("A", 3, "1.50")))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/order-id-conflict"))
                .body("existingPurchaseId", equalTo(id));
        recordPurchase(createCustomer(), purchase(orderId, line("A", 2, "1.50")))
                .statusCode(409)
                .body("existingPurchaseId", nullValue());
    }

    @Test
    void listsNewestFirstAcrossPages() {
        String customerId = createCustomer();
        List<String> orderIds = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            String orderId = uniqueOrderId();
            Map<String, Object> body = purchase(orderId, line("A", 1, "1.00"));
            body.put("occurredAt", "2024-05-0" + day + "T10:00:00Z");
            recordPurchase(customerId, body).statusCode(201);
            orderIds.add(orderId);
        }
        Collections.reverse(orderIds);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/customers/{id}/purchases", customerId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("items.orderId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(orderIds);
    }

    @Test
    void unknownCustomerOrPurchaseIs404() {
        String unknown = UUID.randomUUID().toString();
        recordPurchase(unknown, purchase(uniqueOrderId(), line("A", 1, "1.00")))
                .statusCode(404).contentType("application/problem+json");
        given().when().get("/customers/{id}/purchases", unknown).then().statusCode(404);
        given().when().get("/customers/{id}/purchases/{orderId}", createCustomer(), "NOPE-1").then().statusCode(404)
                .body("title", equalTo("Purchase not found"));
    }

    @Test
    void anotherCustomersOrderIsNotVisible() {
        String owner = createCustomer();
        String orderId = uniqueOrderId();
        recordPurchase(owner, purchase(orderId, line("A", 1, "1.00"))).statusCode(201);

        given().when().get("/customers/{id}/purchases/{orderId}", createCustomer(), orderId).then().statusCode(404);
    }

    @Test
    void invalidFieldsAreListedAndNothingIsStored() {
        String customerId = createCustomer();
        String orderId = uniqueOrderId();
        Map<String, Object> body = purchase(orderId, line("A", 0, "1.00"), line("B", 1, "-2.00"), line("", 1, "1.001"));
        body.put("currency", "GBX");

        recordPurchase(customerId, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/validation"))
                .body("errors.field", hasItems("currency", "lines[0].quantity", "lines[2].sku"));

        Map<String, Object> gbp = purchase(orderId, line("A", 0, "1.00"), line("B", 1, "-2.00"), line("C", 1, "1.001"));
        recordPurchase(customerId, gbp)
                .statusCode(400)
                .body("errors.field", contains("lines[0].quantity", "lines[1].unitPrice", "lines[2].unitPrice"))
                .body("errors.message", contains("must be greater than 0", "must not be negative",
                        "must have at most 2 decimal places for GBP"));
        assertNotStored(customerId, orderId);
    }

    @Test
    void wrongTypesAndMissingPieces() {
        String customerId = createCustomer();
        String orderId = uniqueOrderId();

        postRaw(customerId, "{\"orderId\":\"" + orderId + "\",\"currency\":\"GBP\",\"lines\":[{\"sku\":\"A\",\"quantity\":1.5,\"unitPrice\":\"1\"}]}")
                .statusCode(400).body("errors[0].field", equalTo("lines[0].quantity"))
                .body("errors[0].message", equalTo("must be an integer"));
        postRaw(customerId, "{\"orderId\":\"" + orderId + "\",\"currency\":\"GBP\",\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":\"cheap\"}]}")
                .statusCode(400).body("errors[0].field", equalTo("lines[0].unitPrice"));
        postRaw(customerId, "{\"orderId\":\"" + orderId + "\",\"currency\":\"GBP\",\"lines\":[]}")
                .statusCode(400).body("errors[0].field", equalTo("lines"));
        postRaw(customerId, "{\"currency\":\"GBP\",\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":1}]}")
                .statusCode(400).body("errors[0].field", equalTo("orderId"));
        postRaw(customerId, "{\"orderId\":\"" + orderId + "\",\"currency\":\"GBP\",\"total\":\"0.01\","
                + "\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":1}]}")
                .statusCode(400).body("errors[0].field", equalTo("total"))
                .body("errors[0].message", equalTo("is not a known property"));
        postRaw(customerId, "{\"orderId\":\"" + orderId + "\",\"currency\":\"GBP\",\"occurredAt\":\"yesterday\","
                + "\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":1}]}")
                .statusCode(400).body("errors[0].field", equalTo("occurredAt"));
        postRaw(customerId, "{\"orderId\":\"" + orderId + "\",\"currency\":\"GBP\",\"lines\":[{\"sku\":\"A\",\"quantity\":99999999999,\"unitPrice\":1}]}")
                .statusCode(400).contentType("application/problem+json");
        postRaw(customerId, "{\"orderId\":\"" + orderId + "\",")
                .statusCode(400).body("type", equalTo("https://rapport.dev/problems/malformed-request"));
        assertNotStored(customerId, orderId);
    }

    @Test
    void aThousandLinesAreFineButNotMore() {
        String customerId = createCustomer();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            lines.add(line("SKU-" + i, 1, "0.01"));
        }
        Map<String, Object> tooMany = purchase(uniqueOrderId());
        tooMany.put("lines", lines);
        recordPurchase(customerId, tooMany).statusCode(400).body("errors[0].field", equalTo("lines"));

        Map<String, Object> thousand = purchase(uniqueOrderId());
        thousand.put("lines", lines.subList(0, 1000));
        recordPurchase(customerId, thousand).statusCode(201).body("total", equalTo("10.00")).body("lines", hasSize(1000));
    }

    @Test
    void currenciesKeepTheirOwnScale() {
        String customerId = createCustomer();
        Map<String, Object> yen = purchase(uniqueOrderId(), line("A", 3, 1200));
        yen.put("currency", "jpy");

        recordPurchase(customerId, yen).statusCode(201).body("currency", equalTo("JPY")).body("total", equalTo("3600"));
    }
}
