package dev.rapport.customer.api;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Unique test data (tests share one database) and shortcuts for the common calls. */
final class TestData {

    private TestData() {
    }

    static String uniqueEmail() {
        return "t-" + UUID.randomUUID() + "@example.com";
    }

    static String uniqueExternalId() {
        return "EXT-" + UUID.randomUUID();
    }

    static String uniqueOrderId() {
        return "ORD-" + UUID.randomUUID();
    }

    /** A valid San Francisco number in E.164, random enough not to collide between tests. */
    static String uniquePhone() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        while (true) {
            String candidate = "+1415" + (2 + ThreadLocalRandom.current().nextInt(8))
                    + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            try {
                if (util.isValidNumber(util.parse(candidate, "US"))) {
                    return candidate;
                }
            } catch (NumberParseException e) {
                // try another
            }
        }
    }

    static Map<String, Object> customer() {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", "Ada");
        body.put("lastName", "Lovelace");
        body.put("email", uniqueEmail());
        return body;
    }

    static ValidatableResponse create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/customers")
                .then();
    }

    static String createCustomer(Map<String, Object> body) {
        return create(body).statusCode(201).extract().path("id");
    }

    static String createCustomer() {
        return createCustomer(customer());
    }

    static Map<String, Object> line(String sku, int quantity, Object unitPrice) {
        Map<String, Object> line = new HashMap<>();
        line.put("sku", sku);
        line.put("description", "item " + sku);
        line.put("quantity", quantity);
        line.put("unitPrice", unitPrice);
        return line;
    }

    static Map<String, Object> purchase(String orderId, Object... lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("orderId", orderId);
        body.put("currency", "GBP");
        body.put("occurredAt", "2024-05-02T08:26:00Z");
        body.put("lines", java.util.List.of(lines));
        return body;
    }

    static ValidatableResponse recordPurchase(String customerId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/customers/{id}/purchases", customerId)
                .then();
    }
}
