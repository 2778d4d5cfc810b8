package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.customer;
import static dev.rapport.customer.api.TestData.uniqueEmail;
import static dev.rapport.customer.api.TestData.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * GET /customers/{id}/duplicates. E-mail and phone are unique as stored, so duplicates by them can
 * only come from legacy rows written before normalisation; those are inserted here with SQL.
 */
@QuarkusTest
class CustomerDuplicatesTest {

    @Inject
    DataSource dataSource;

    @Test
    void aLegacyRowWithTheSameEmailInAnotherCaseIsADuplicateByEmail() throws SQLException {
        String email = uniqueEmail();
        Map<String, Object> body = customer();
        body.put("email", email);
        String id = createCustomer(body);
        UUID legacy = insertLegacy(" " + email.toUpperCase(), null, null, null, null);

        given().when().get("/customers/{id}/duplicates", id).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].customer.id", equalTo(legacy.toString()))
                .body("items[0].customer.email", equalTo(" " + email.toUpperCase()))
                .body("items[0].reasons", contains("email"))
                .body("items[0].score", equalTo(0.9f));
        // And seen from the legacy row, the other way round.
        given().when().get("/customers/{id}/duplicates", legacy).then().statusCode(200)
                .body("items.customer.id", contains(id));
    }

    @Test
    void aLegacyRowWithTheSamePhoneDigitsIsADuplicateByPhone() throws SQLException {
        String phone = uniquePhone();
        Map<String, Object> body = customer();
        body.put("phone", phone);
        String id = createCustomer(body);
        String formatted = "+1 " + phone.substring(2, 5) + " " + phone.substring(5, 8) + " " + phone.substring(8);
        UUID legacy = insertLegacy(null, formatted, null, null, null);
        try {
            given().when().get("/customers/{id}/duplicates", id).then().statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].customer.id", equalTo(legacy.toString()))
                    .body("items[0].customer.phone", equalTo(formatted))
                    .body("items[0].reasons", contains("phone"))
                    .body("items[0].score", equalTo(0.8f));
        } finally {
            // Such a phone cannot be read back as a customer: remove it before other tests list customers.
            delete(legacy);
        }
    }

    @Test
    void theSameNameAndCompanyIsADuplicateAndSeveralReasonsRankFirst() throws SQLException {
        String company = "Engines " + UUID.randomUUID();
        String email = uniqueEmail();
        Map<String, Object> body = customer();
        body.put("email", email);
        body.put("company", company);
        String id = createCustomer(body);
        Map<String, Object> sameName = customer();
        sameName.put("firstName", " ADA ");
        sameName.put("lastName", "lovelace");
        sameName.put("company", company.toUpperCase());
        String byName = createCustomer(sameName);
        UUID byBoth = insertLegacy(email.toUpperCase(), null, "ada", "LOVELACE", company);

        given().when().get("/customers/{id}/duplicates", id).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].customer.id", equalTo(byBoth.toString()))
                .body("items[0].reasons", contains("email", "name-and-company"))
                .body("items[0].score", equalTo(0.96f))
                .body("items[1].customer.id", equalTo(byName))
                .body("items[1].reasons", contains("name-and-company"))
                .body("items[1].score", equalTo(0.6f));
    }

    @Test
    void theSameNameWithoutACompanyIsNoEvidence() {
        Map<String, Object> body = customer();
        body.put("firstName", "Zebulon " + UUID.randomUUID());
        String id = createCustomer(body);
        Map<String, Object> sameName = customer();
        sameName.put("firstName", body.get("firstName"));
        createCustomer(sameName);

        given().when().get("/customers/{id}/duplicates", id).then().statusCode(200).body("items", empty());
    }

    @Test
    void tombstonesAreNoDuplicatesAndATombstoneRedirects() {
        String company = "Engines " + UUID.randomUUID();
        Map<String, Object> body = customer();
        body.put("company", company);
        String id = createCustomer(body);
        Map<String, Object> twin = customer();
        twin.put("company", company);
        String twinId = createCustomer(twin);
        Map<String, Object> third = customer();
        third.put("company", company);
        String survivor = createCustomer(third);
        given().when().get("/customers/{id}/duplicates", id).then().body("items", hasSize(2));

        given().contentType(ContentType.JSON).body(Map.of("duplicateId", twinId))
                .when().post("/customers/{id}/merge", survivor).then().statusCode(200);

        given().when().get("/customers/{id}/duplicates", id).then().statusCode(200)
                .body("items.customer.id", contains(survivor));
        given().redirects().follow(false).when().get("/customers/{id}/duplicates", twinId).then()
                .statusCode(308)
                .header("Location", org.hamcrest.Matchers.endsWith("/customers/" + survivor + "/duplicates"));
    }

    @Test
    void anUnknownCustomerIs404() {
        given().when().get("/customers/{id}/duplicates", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/customers/{id}/duplicates", "not-a-uuid").then().statusCode(404);
    }

    private void delete(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from customer where id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        }
    }

    /** A row as an old import wrote it, bypassing today's normalisation. */
    private UUID insertLegacy(String email, String phone, String firstName, String lastName, String company)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into customer (id, email, phone, "
                     + "first_name, last_name, company, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            Timestamp longAgo = Timestamp.from(Instant.parse("2019-03-01T12:00:00Z"));
            insert.setObject(1, id);
            insert.setString(2, email);
            insert.setString(3, phone);
            insert.setString(4, firstName);
            insert.setString(5, lastName);
            insert.setString(6, company);
            insert.setTimestamp(7, longAgo);
            insert.setTimestamp(8, longAgo);
            insert.executeUpdate();
        }
        return id;
    }
}
