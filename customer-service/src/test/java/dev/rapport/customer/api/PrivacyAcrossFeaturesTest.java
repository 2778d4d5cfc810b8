package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Export and erasure cover consents, interactions and follow-ups, and merges meet erasure correctly. */
@QuarkusTest
class PrivacyAcrossFeaturesTest {

    @Inject
    DataSource dataSource;

    @Test
    void exportHoldsConsentsInteractionsAndFollowUpsAndErasureScrubsTheirFreeText() throws SQLException {
        String customerId = createCustomer();
        ConsentApiTest.put(customerId, "email", "marketing", ConsentApiTest.consent("granted", "2024-01-01T00:00:00Z")).statusCode(200);
        InteractionApiTest.post(customerId, InteractionApiTest.interaction("Talked about her new baby", "2024-05-01T10:00:00Z"),
                null).statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Send Ada the twins' gift voucher", "owner", "j.smith", "dueAt", "2030-01-01T09:00:00Z",
                        "note", "she prefers calls after 6pm"))
                .when().post("/customers/{id}/follow-ups", customerId).then().statusCode(201);

        given().when().get("/customers/{id}/export", customerId).then().statusCode(200)
                .body("consents", hasSize(1))
                .body("consents[0].status", equalTo("granted"))
                .body("interactions[0].summary", equalTo("Talked about her new baby"))
                .body("followUps[0].note", equalTo("she prefers calls after 6pm"));

        given().when().delete("/customers/{id}", customerId).then().statusCode(202);

        assertThat(text("SELECT summary FROM interaction WHERE customer_id = ?", customerId)).isEqualTo("erased");
        assertThat(text("SELECT title || '|' || coalesce(note, '') || '|' || status FROM follow_up WHERE customer_id = ?", customerId))
                .isEqualTo("erased||cancelled");
        assertThat(text("SELECT status FROM consent_record WHERE customer_id = ?", customerId))
                .as("consent evidence stays").isEqualTo("granted");
    }

    @Test
    void erasingASurvivorAlsoScrubsTheTombstoneOfItsMergedDuplicate() throws SQLException {
        String survivor = createCustomer();
        String duplicate = createCustomer();
        given().contentType(ContentType.JSON).body(Map.of("jobTitle", "Countess of Lovelace"))
                .when().patch("/customers/{id}", duplicate).then().statusCode(200);
        CustomerMergeApiTest.merge(survivor, duplicate, null).statusCode(200);

        given().when().delete("/customers/{id}", survivor).then().statusCode(202);

        assertThat(text("SELECT first_name || '|' || coalesce(job_title, '') || '|' || (erased_at IS NOT NULL) "
                + "FROM customer WHERE id = ?", duplicate)).isEqualTo("erased||true");
    }

    @Test
    void anErasedCustomerTakesNoPartInAMerge() {
        String erased = createCustomer();
        String other = createCustomer();
        given().when().delete("/customers/{id}", erased).then().statusCode(202);

        CustomerMergeApiTest.merge(other, erased, null).statusCode(410)
                .contentType("application/problem+json");
        CustomerMergeApiTest.merge(erased, other, null).statusCode(410);
        given().when().get("/customers/{id}", other).then().statusCode(200).body("version", equalTo(0));
    }

    private String text(String sql, String customerId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(customerId));
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row for " + customerId).isTrue();
                return rows.getString(1);
            }
        }
    }
}
