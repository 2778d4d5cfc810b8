package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ConsentApiTest {

    @Inject
    DataSource dataSource;

    static ValidatableResponse put(String customerId, String channel, String purpose, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().put("/customers/{id}/consents/{channel}/{purpose}", customerId, channel, purpose)
                .then();
    }

    static Map<String, Object> consent(String status, String capturedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("source", "web-form");
        if (capturedAt != null) {
            body.put("capturedAt", capturedAt);
        }
        return body;
    }

    private static ValidatableResponse history(String customerId) {
        return given().queryParam("history", true).when().get("/customers/{id}/consents", customerId).then();
    }

    @Test
    void recordsConsentAndAnswersTheCurrentState() {
        String customerId = createCustomer();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        put(customerId, "email", "marketing", consent("granted", null))
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("channel", equalTo("email"))
                .body("purpose", equalTo("marketing"))
                .body("status", equalTo("granted"))
                .body("source", equalTo("web-form"))
                .body("capturedAt", notNullValue())
                .body("recordedAt", notNullValue());
        put(customerId, "sms", "profiling", consent("denied", "2024-01-01T00:00:00Z")).statusCode(200);

        given().when().get("/customers/{id}/consents", customerId).then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.channel", contains("email", "sms"))
                .body("items.purpose", contains("marketing", "profiling"))
                .body("items.status", contains("granted", "denied"))
                .body("items[1].capturedAt", equalTo("2024-01-01T00:00:00Z"));
        String capturedAt = given().when().get("/customers/{id}/consents", customerId).then()
                .extract().path("items[0].capturedAt");
        org.assertj.core.api.Assertions.assertThat(Instant.parse(capturedAt)).isAfterOrEqualTo(before);
    }

    @Test
    void historyIsAppendOnlyNewestFirstAndTheLatestCaptureIsCurrent() {
        String customerId = createCustomer();
        put(customerId, "email", "marketing", consent("granted", "2024-03-01T10:00:00Z")).statusCode(200);
        put(customerId, "email", "marketing", consent("granted", "2024-03-02T10:00:00Z")).statusCode(200)
                .body("capturedAt", equalTo("2024-03-02T10:00:00Z"));
        put(customerId, "email", "marketing", consent("revoked", "2024-03-05T10:00:00Z")).statusCode(200)
                .body("status", equalTo("revoked"));
        // A back-dated statement is kept as evidence but does not outrank the later revocation.
        put(customerId, "email", "marketing", consent("granted", "2024-02-01T10:00:00Z")).statusCode(200)
                .body("status", equalTo("revoked"))
                .body("capturedAt", equalTo("2024-03-05T10:00:00Z"));

        history(customerId).statusCode(200)
                .body("items", hasSize(4))
                .body("items.capturedAt", contains("2024-03-05T10:00:00Z", "2024-03-02T10:00:00Z",
                        "2024-03-01T10:00:00Z", "2024-02-01T10:00:00Z"))
                .body("items.status", contains("revoked", "granted", "granted", "granted"));
        given().when().get("/customers/{id}/consents", customerId).then()
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("revoked"));
    }

    @Test
    void ofTwoStatementsCapturedAtTheSameInstantTheLaterRecordedIsCurrent() {
        String customerId = createCustomer();
        put(customerId, "post", "service", consent("granted", "2024-04-01T08:00:00Z")).statusCode(200);
        put(customerId, "post", "service", consent("denied", "2024-04-01T08:00:00Z")).statusCode(200)
                .body("status", equalTo("denied"));

        history(customerId).body("items.status", contains("denied", "granted"));
    }

    @Test
    void unknownChannelPurposeOrStatusAreFieldErrorsAndNothingIsStored() {
        String customerId = createCustomer();

        put(customerId, "fax", "marketing", consent("granted", null)).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/validation"))
                .body("errors[0].field", equalTo("channel"))
                .body("errors[0].message", equalTo("must be one of [email, sms, phone, post]"));
        put(customerId, "email", "spam", consent("granted", null)).statusCode(400)
                .body("errors.field", contains("purpose"));
        put(customerId, "email", "marketing", consent("maybe", null)).statusCode(400)
                .body("errors.field", contains("status"))
                .body("errors[0].message", equalTo("must be one of [granted, denied, revoked]"));
        put(customerId, "EMAIL", "marketing", consent("Granted", null)).statusCode(400)
                .body("errors.field", contains("channel", "status"));

        history(customerId).statusCode(200).body("items", hasSize(0));
    }

    @Test
    void sourceIsRequiredAndBoundedAndCapturedAtMayNotBeInTheFuture() {
        String customerId = createCustomer();
        Map<String, Object> noSource = consent("granted", null);
        noSource.remove("source");
        put(customerId, "email", "service", noSource).statusCode(400)
                .body("errors[0].field", equalTo("source"))
                .body("errors[0].message", equalTo("must not be blank"));

        Map<String, Object> longSource = consent("granted", null);
        longSource.put("source", "s".repeat(101));
        put(customerId, "email", "service", longSource).statusCode(400)
                .body("errors[0].message", equalTo("must be at most 100 characters"));

        put(customerId, "email", "service", consent("granted", Instant.now().plusSeconds(120).toString()))
                .statusCode(400)
                .body("errors[0].field", equalTo("capturedAt"))
                .body("errors[0].message", equalTo("must not be in the future"));

        put(customerId, "email", "service", consent("granted", "yesterday")).statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"status\": \"granted\", \"source\": \"x\", \"sorce\": \"y\"}")
                .when().put("/customers/{id}/consents/email/service", customerId)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .when().put("/customers/{id}/consents/email/service", customerId)
                .then().statusCode(400).contentType("application/problem+json");

        history(customerId).body("items", hasSize(0));
    }

    @Test
    void unknownCustomerIs404() {
        String unknown = UUID.randomUUID().toString();
        put(unknown, "email", "marketing", consent("granted", null)).statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Customer not found"));
        given().when().get("/customers/{id}/consents", unknown).then().statusCode(404);
        history("not-a-uuid").statusCode(404);
    }

    @Test
    void historyParameterMustBeABoolean() {
        String customerId = createCustomer();
        given().queryParam("history", "yes").when().get("/customers/{id}/consents", customerId)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("history"))
                .body("detail", containsString("invalid"));
    }

    @Test
    void theDatabaseRefusesToRewriteOrDeleteConsentEvidence() throws Exception {
        String customerId = createCustomer();
        put(customerId, "phone", "marketing", consent("granted", null)).statusCode(200);

        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.executeUpdate(
                            "UPDATE consent_record SET status = 'revoked' WHERE customer_id = '" + customerId + "'"))
                    .hasMessageContaining("append-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.executeUpdate(
                            "DELETE FROM consent_record WHERE customer_id = '" + customerId + "'"))
                    .hasMessageContaining("append-only");
        }
        given().when().get("/customers/{id}/consents", customerId).then().body("items[0].status", equalTo("granted"));
    }
}
