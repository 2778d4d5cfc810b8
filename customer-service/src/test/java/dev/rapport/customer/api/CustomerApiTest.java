package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.create;
import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.customer;
import static dev.rapport.customer.api.TestData.uniqueEmail;
import static dev.rapport.customer.api.TestData.uniqueExternalId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import dev.rapport.devstack.DevStackResource;

/**
 * Also brings up real PostgreSQL and Kafka for every {@code @QuarkusTest} of this module: a
 * {@code @QuarkusTestResource} applies module-wide, wherever it is declared.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.DATABASE_ARG, value = "customer"))
class CustomerApiTest {

    @Test
    void registersANormalisedCustomer() {
        String email = uniqueEmail();
        String externalId = uniqueExternalId();
        String phone = TestData.uniquePhone();
        String typedPhone = "(415) " + phone.substring(5, 8) + "-" + phone.substring(8);
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "externalId", externalId,
                "firstName", "  Ada ",
                "lastName", "Lovelace",
                "email", "  " + email.toUpperCase() + " ",
                "phone", typedPhone,
                "company", "Analytical Engines Ltd",
                "jobTitle", "Mathematician",
                "acquisitionChannel", "referral",
                "tags", List.of("VIP", " vip", "Early-Adopter"),
                "birthday", "1990-12-10"));
        body.put("preferences", Map.of("language", "en"));
        body.put("attributes", Map.of("shoeSize", "38"));
        body.put("referralCode", "ADA-FRIENDS");

        ExtractableResponse<Response> created = create(body)
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("firstName", equalTo("Ada"))
                .body("email", equalTo(email))
                .body("phone", equalTo(phone))
                .body("acquisitionChannel", equalTo("referral"))
                .body("tags", contains("early-adopter", "vip"))
                .body("preferences.language", equalTo("en"))
                .body("attributes.shoeSize", equalTo("38"))
                .body("birthday", equalTo("1990-12-10"))
                .body("referralCode", equalTo("ADA-FRIENDS"))
                .body("externalId", equalTo(externalId))
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        org.assertj.core.api.Assertions.assertThat(created.header("Location")).endsWith("/customers/" + id);

        given().when().get("/customers/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("email", equalTo(email))
                .body("createdAt", equalTo(created.path("createdAt")))
                .body("company", equalTo("Analytical Engines Ltd"));
    }

    @Test
    void aCustomerMayHaveOnlyAnExternalId() {
        String id = createCustomer(Map.of("externalId", uniqueExternalId()));
        // The fields it lacks are left out: the schema declares them optional strings, not nullable.
        given().when().get("/customers/{id}", id).then().statusCode(200)
                .body("$", not(hasKey("phone"))).body("$", not(hasKey("birthday")))
                .body(not(containsString(":null")));
    }

    @Test
    void getAnswers304WhenTheClientHasTheCurrentVersion() {
        String id = createCustomer();

        given().header("If-None-Match", "\"0\"")
                .when().get("/customers/{id}", id)
                .then().statusCode(304).header("ETag", "\"0\"");
        given().header("If-None-Match", "\"5\"")
                .when().get("/customers/{id}", id)
                .then().statusCode(200);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        given().when().get("/customers/{id}", unknown)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/not-found"))
                .body("title", equalTo("Customer not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("No customer with id " + unknown))
                .body("instance", equalTo("/customers/" + unknown));
        given().when().get("/customers/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDuplicateEmailIs409NamingTheExistingCustomer() {
        Map<String, Object> first = customer();
        String existing = createCustomer(first);
        Map<String, Object> second = customer();
        second.put("email", ((String) first.get("email")).toUpperCase());

        create(second)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/duplicate-customer"))
                .body("existingCustomerId", equalTo(existing))
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void aDuplicatePhoneOrExternalIdIs409Too() {
        String phone = TestData.uniquePhone();
        String externalId = uniqueExternalId();
        Map<String, Object> first = customer();
        first.put("phone", phone);
        first.put("externalId", externalId);
        String existing = createCustomer(first);

        Map<String, Object> samePhone = customer();
        samePhone.put("phone", phone.substring(0, 2) + " " + phone.substring(2));
        create(samePhone).statusCode(409)
                .body("existingCustomerId", equalTo(existing))
                .body("errors[0].field", equalTo("phone"));

        Map<String, Object> sameExternalId = customer();
        sameExternalId.put("externalId", externalId);
        create(sameExternalId).statusCode(409)
                .body("existingCustomerId", equalTo(existing))
                .body("errors[0].field", equalTo("externalId"));
    }

    @Test
    void optionalFieldsAreNullWhenNotGiven() {
        String id = createCustomer(Map.of("email", uniqueEmail()));

        given().when().get("/customers/{id}", id)
                .then().statusCode(200)
                .body("firstName", nullValue())
                .body("phone", nullValue())
                .body("tags", org.hamcrest.Matchers.empty())
                .body("preferences", equalTo(Map.of()));
    }

    @Test
    void locationHeaderPointsAtTheCustomer() {
        String location = create(customer()).statusCode(201).extract().header("Location");

        given().when().get(location).then().statusCode(200).body("id", notNullValue());
    }
}
