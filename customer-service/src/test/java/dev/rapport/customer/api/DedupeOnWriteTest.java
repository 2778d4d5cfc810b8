package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.create;
import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.customer;
import static dev.rapport.customer.api.TestData.uniqueExternalId;
import static dev.rapport.customer.api.TestData.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** E-mail, phone and external id stay unique on every write, compared after normalisation. */
@QuarkusTest
class DedupeOnWriteTest {

    @Test
    void registeringAnEmailThatOnlyDiffersInCaseAndSpaceIs409() {
        Map<String, Object> first = customer();
        String firstId = createCustomer(first);
        Map<String, Object> second = customer();
        second.put("email", "  " + first.get("email").toString().toUpperCase() + " ");

        create(second).statusCode(409)
                .body("existingCustomerId", equalTo(firstId))
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void patchingToAnotherCustomersEmailWrittenDifferentlyIs409() {
        Map<String, Object> other = customer();
        String otherId = createCustomer(other);
        String id = createCustomer();

        patch(id, "{\"email\": \" " + other.get("email").toString().toUpperCase() + "\"}")
                .statusCode(409)
                .body("type", equalTo("https://rapport.dev/problems/duplicate-customer"))
                .body("existingCustomerId", equalTo(otherId))
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void patchingToAnotherCustomersPhoneInAnotherFormatIs409() {
        String phone = uniquePhone();
        Map<String, Object> other = customer();
        other.put("phone", phone);
        String otherId = createCustomer(other);
        String id = createCustomer();
        String typed = "(" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-" + phone.substring(8);

        patch(id, "{\"phone\": \"" + typed + "\"}")
                .statusCode(409)
                .body("existingCustomerId", equalTo(otherId))
                .body("errors[0].field", equalTo("phone"));
    }

    @Test
    void patchingToAnotherCustomersExternalIdIs409AndKeepsTheCustomerAsItWas() {
        String externalId = uniqueExternalId();
        Map<String, Object> other = customer();
        other.put("externalId", externalId);
        String otherId = createCustomer(other);
        String id = createCustomer();

        patch(id, "{\"externalId\": \" " + externalId + " \", \"company\": \"Engines\"}")
                .statusCode(409)
                .body("existingCustomerId", equalTo(otherId))
                .body("errors[0].field", equalTo("externalId"));
        given().when().get("/customers/{id}", id).then().statusCode(200)
                .body("version", equalTo(0))
                .body("company", equalTo(null));
    }

    private static ValidatableResponse patch(String id, String body) {
        return given().contentType("application/merge-patch+json").body(body)
                .when().patch("/customers/{id}", id).then();
    }
}
