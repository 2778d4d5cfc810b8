package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.line;
import static dev.rapport.customer.api.TestData.purchase;
import static dev.rapport.customer.api.TestData.recordPurchase;
import static dev.rapport.customer.api.TestData.uniqueOrderId;
import static io.restassured.RestAssured.given;

import dev.rapport.testing.TestIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Export, erasure and its status over HTTP against the real database. */
@QuarkusTest
class PrivacyApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    DataSource dataSource;

    private static Map<String, Object> fullCustomer() {
        Map<String, Object> body = TestData.customer();
        body.put("externalId", TestData.uniqueExternalId());
        body.put("phone", TestData.uniquePhone());
        body.put("company", "Analytical Engines Ltd");
        body.put("jobTitle", "Countess");
        body.put("acquisitionChannel", "web-form");
        body.put("preferences", Map.of("language", "en"));
        body.put("attributes", Map.of("shoeSize", "38"));
        body.put("tags", List.of("VIP"));
        body.put("birthday", "1990-12-10");
        return body;
    }

    private static String withPurchaseAndReturn(String customerId) {
        String orderId = uniqueOrderId();
        recordPurchase(customerId, purchase(orderId, line("85123A", 6, "2.55"), line("71053", 6, "3.39"))).statusCode(201);
        given().contentType(ContentType.JSON)
                .body("{\"returnKey\": \"C1\", \"lines\": [{\"sku\": \"85123A\", \"quantity\": 1}], \"reason\": \"my husband hated it\"}")
                .when().post("/customers/{id}/purchases/{orderId}/returns", customerId, orderId)
                .then().statusCode(201);
        return orderId;
    }

    @Test
    void exportHoldsProfileAndPurchasesAsADownload() {
        Map<String, Object> body = fullCustomer();
        String id = createCustomer(body);
        String orderId = withPurchaseAndReturn(id);

        JsonPath export = given().when().get("/customers/{id}/export", id)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Content-Disposition", equalTo("attachment; filename=customer-" + id + ".json"))
                .extract().jsonPath();

        assertThat(export.getString("format")).isEqualTo("rapport.customer-export.v1");
        assertThat(export.getString("exportedAt")).isNotBlank();
        assertThat(export.getString("customerId")).isEqualTo(id);
        assertThat(export.getMap("").keySet()).containsSubsequence("format", "exportedAt", "customerId", "profile", "purchases");
        assertThat(export.getString("profile.email")).isEqualTo(body.get("email"));
        assertThat(export.getString("profile.phone")).isEqualTo(body.get("phone"));
        assertThat(export.getString("profile.externalId")).isEqualTo(body.get("externalId"));
        assertThat(export.getString("profile.birthday")).isEqualTo("1990-12-10");
        assertThat(export.getMap("profile.preferences")).containsEntry("language", "en");
        assertThat(export.getMap("profile.attributes")).containsEntry("shoeSize", "38");
        assertThat(export.getList("profile.tags")).containsExactly("vip");
        assertThat(export.getList("purchases")).hasSize(1);
        assertThat(export.getString("purchases[0].orderId")).isEqualTo(orderId);
        assertThat(export.getString("purchases[0].total")).isEqualTo("35.64");
        assertThat(export.getList("purchases[0].lines")).hasSize(2);
        assertThat(export.getString("purchases[0].lines[0].description")).isEqualTo("item 85123A");
        assertThat(export.getString("purchases[0].returns[0].reason")).isEqualTo("my husband hated it");
        assertThat(export.getString("purchases[0].returns[0].lines[0].sku")).isEqualTo("85123A");
    }

    @Test
    void exportOfAnUnknownCustomerIsA404() {
        given().when().get("/customers/{id}/export", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://rapport.dev/problems/not-found"))
                .body("title", equalTo("Customer not found"));
        given().when().get("/customers/{id}/export", "not-a-uuid").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void erasureScrubsTheRecordKeepsAggregatesAndAnswers202WithItsStatus() throws SQLException {
        Map<String, Object> body = fullCustomer();
        String id = createCustomer(body);
        String orderId = withPurchaseAndReturn(id);

        JsonPath erasure = given().header("Authorization", TestIdentity.bearer("jwt:alice")).queryParam("reason", "asked by e-mail")
                .when().delete("/customers/{id}", id)
                .then().statusCode(202)
                .header("Location", endsWith("/customers/" + id + "/erasure"))
                .body("erasureId", notNullValue())
                .extract().jsonPath();

        assertThat(erasure.getString("customerId")).isEqualTo(id);
        assertThat(erasure.getString("requestedBy")).isEqualTo("jwt:alice");
        assertThat(erasure.getString("reason")).isEqualTo("asked by e-mail");
        assertThat(erasure.getList("requiredServices")).containsExactly(
                "customer-service", "feedback-service", "loyalty-service", "segmentation-service");
        assertThat(erasure.getList("confirmed.service")).containsExactly("customer-service");
        assertThat(erasure.getList("pending")).containsExactly("feedback-service", "loyalty-service", "segmentation-service");
        assertThat(erasure.getBoolean("complete")).isFalse();

        Map<String, Object> row = row("SELECT * FROM customer WHERE id = ?::uuid", id);
        assertThat(row).containsEntry("first_name", "erased").containsEntry("last_name", "erased")
                .containsEntry("email", null).containsEntry("phone", null).containsEntry("external_id", null)
                .containsEntry("job_title", null).containsEntry("birthday", null)
                .containsEntry("company", "Analytical Engines Ltd").containsEntry("acquisition_channel", "web-form");
        assertThat(row.get("preferences").toString()).isEqualTo("{}");
        assertThat(row.get("attributes").toString()).isEqualTo("{}");
        assertThat(row.get("tags").toString()).isEqualTo("{}");
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(row.get("search_text").toString()).doesNotContain("ada", "lovelace", "@");

        Map<String, Object> purchase = row("SELECT total, line_count FROM purchase WHERE order_id = ?", orderId);
        assertThat(purchase.get("total").toString()).isEqualTo("35.6400");
        assertThat(row("SELECT count(*) AS n FROM purchase_line l JOIN purchase p ON p.id = l.purchase_id "
                + "WHERE p.order_id = ? AND l.description IS NOT NULL", orderId)).containsEntry("n", 2L);
        assertThat(row("SELECT r.reason, r.amount FROM purchase_return r JOIN purchase p ON p.id = r.purchase_id "
                + "WHERE p.order_id = ?", orderId)).containsEntry("reason", null);

        Map<String, Object> audit = row("SELECT * FROM customer_erasure WHERE customer_id = ?::uuid", id);
        assertThat(audit.get("id").toString()).isEqualTo(erasure.getString("erasureId"));
        assertThat(audit).containsEntry("requested_by", "jwt:alice").containsEntry("reason", "asked by e-mail");
    }

    @Test
    void anErasedCustomerIsGoneEverywhereButItsErasure() {
        String id = createCustomer(fullCustomer());
        String orderId = withPurchaseAndReturn(id);
        given().when().delete("/customers/{id}", id).then().statusCode(202);

        given().when().get("/customers/{id}", id)
                .then().statusCode(410).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://rapport.dev/problems/customer-erased"))
                .body("status", equalTo(410))
                .body("detail", containsString("erased"))
                .body("erasedAt", notNullValue())
                .body("erasure", equalTo("/customers/" + id + "/erasure"));
        given().contentType("application/merge-patch+json").body("{\"firstName\": \"Ada\"}")
                .when().patch("/customers/{id}", id).then().statusCode(410).contentType(PROBLEM_JSON);
        recordPurchase(id, purchase(uniqueOrderId(), line("1", 1, "1.00"))).statusCode(410).contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON).body("{\"returnKey\": \"C2\"}")
                .when().post("/customers/{id}/purchases/{orderId}/returns", id, orderId)
                .then().statusCode(410).contentType(PROBLEM_JSON);
        given().when().get("/customers/{id}/export", id).then().statusCode(410).contentType(PROBLEM_JSON);
        given().queryParam("q", "erased").queryParam("limit", 100).when().get("/customers")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        given().when().get("/customers/{id}/erasure", id).then().statusCode(200).body("customerId", equalTo(id));
    }

    @Test
    void theReleasedEmailPhoneAndExternalIdCanBeRegisteredAgain() {
        Map<String, Object> body = fullCustomer();
        String id = createCustomer(body);
        given().when().delete("/customers/{id}", id).then().statusCode(202);

        Map<String, Object> again = new LinkedHashMap<>(body);
        String newId = createCustomer(again);

        assertThat(newId).isNotEqualTo(id);
        given().when().get("/customers/{id}", newId).then().statusCode(200).body("email", equalTo(body.get("email")));
    }

    @Test
    void aRepeatedErasureAnswersTheSameErasureAndAuditsItOnce() throws SQLException {
        String id = createCustomer();
        String first = given().header("Authorization", TestIdentity.bearer("jwt:alice")).when().delete("/customers/{id}", id)
                .then().statusCode(202).extract().path("erasureId");

        given().header("Authorization", TestIdentity.bearer("jwt:bob")).queryParam("reason", "again")
                .when().delete("/customers/{id}", id)
                .then().statusCode(202)
                .header("Location", endsWith("/customers/" + id + "/erasure"))
                .body("erasureId", equalTo(first))
                .body("requestedBy", equalTo("jwt:alice"));

        assertThat(row("SELECT count(*) AS n FROM customer_erasure WHERE customer_id = ?::uuid", id)).containsEntry("n", 1L);
        assertThat(row("SELECT count(*) AS n FROM customer_erasure_confirmation WHERE erasure_id = ?::uuid", first))
                .containsEntry("n", 1L);
    }

    @Test
    void aPrincipalHeaderIsNotAnIdentityAndWithoutATokenTheRequesterIsUnknown() {
        String id = createCustomer();
        // Tests run with identity optional; in production a request without a token never gets here.

        given().header("X-Rapport-Principal", "jwt:mallory").when().delete("/customers/{id}", id)
                .then().statusCode(202).body("requestedBy", equalTo("unknown"))
                .body("reason", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void badErasureRequestsChangeNothing() throws SQLException {
        String id = createCustomer();

        given().queryParam("reason", "x".repeat(501)).when().delete("/customers/{id}", id)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://rapport.dev/problems/validation"))
                .body("errors[0].field", equalTo("reason"));
        given().header("Authorization", "Bearer not-a-token").when().delete("/customers/{id}", id)
                .then().statusCode(401).contentType(PROBLEM_JSON);
        given().when().delete("/customers/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
        given().when().delete("/customers/{id}", "nope").then().statusCode(404).contentType(PROBLEM_JSON);

        given().when().get("/customers/{id}", id).then().statusCode(200);
        assertThat(row("SELECT count(*) AS n FROM customer_erasure WHERE customer_id = ?::uuid", id)).containsEntry("n", 0L);
    }

    @Test
    void thereIsNoErasureOfACustomerThatWasNotErased() {
        String id = createCustomer();

        given().when().get("/customers/{id}/erasure", id)
                .then().statusCode(404).contentType(PROBLEM_JSON).body("title", equalTo("Erasure not found"));
        given().when().get("/customers/{id}/erasure", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void theAuditIsAppendOnly() throws SQLException {
        String id = createCustomer();
        given().when().delete("/customers/{id}", id).then().statusCode(202);

        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM customer_erasure WHERE customer_id = ?::uuid")) {
            delete.setString(1, id);
            org.assertj.core.api.Assertions.assertThatThrownBy(delete::executeUpdate)
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }

    @Test
    void theOpenApiDocumentDescribesThePrivacyEndpoints() {
        JsonPath openApi = given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();

        assertThat(openApi.getMap("paths.'/customers/{id}/export'.get.responses").keySet()).contains("200", "404", "410");
        assertThat(openApi.getMap("paths.'/customers/{id}'.delete.responses").keySet()).contains("202", "400", "404");
        assertThat(openApi.getMap("paths.'/customers/{id}/erasure'.get.responses").keySet()).contains("200", "404");
        assertThat(openApi.getString("paths.'/customers/{id}'.delete.summary")).isEqualTo("Erase a customer (GDPR)");
    }

    private Map<String, Object> row(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("a row for " + sql).isTrue();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                return row;
            }
        }
    }
}
