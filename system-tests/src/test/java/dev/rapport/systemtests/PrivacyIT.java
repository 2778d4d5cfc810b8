package dev.rapport.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After an erasure through the gateway, every service's database is searched directly, every table
 * (tombstones and outbox included), for any of the customer's personal values.
 */
@Order(4)
class PrivacyIT {

    @Test
    void nothing_personal_is_left_in_any_database_after_an_erasure() throws Exception {
        Live live = Live.get();
        String run = Long.toString(System.nanoTime(), 36);
        String first = "Zephyrine" + run;
        String last = "Quillfeather" + run;
        String email = "zq." + run + "@example.org";
        String digits = Long.toString(1000 + System.nanoTime() % 9000);
        String phone = "+44 20 7946 " + digits;
        String e164 = "+44207946" + digits;
        String birthday = "1911-11-" + (10 + (int) (System.nanoTime() % 18));
        String freeText = "secret-note-" + run;
        String id = field(live.admin("POST", "/api/customers", """
                {"externalId":"PRIV-%s","firstName":"%s","lastName":"%s","email":"%s","phone":"%s","birthday":"%s",
                 "company":"Privacy Ltd","jobTitle":"Keeper of %s"}""".formatted(run, first, last, email, phone, birthday, freeText)), "id");
        live.admin("POST", "/api/customers/" + id + "/purchases", """
                {"orderId":"PRIV-%s","currency":"GBP","lines":[{"sku":"A","quantity":2,"unitPrice":"9.50","description":"Mug"}]}"""
                .formatted(run));
        live.admin("POST", "/api/customers/" + id + "/purchases/PRIV-" + run + "/returns",
                "{\"lines\":[{\"sku\":\"A\",\"quantity\":1}],\"reason\":\"%s return\"}".formatted(freeText));
        live.admin("POST", "/api/customers/" + id + "/interactions", """
                {"channel":"phone","direction":"inbound","summary":"%s called about %s","agent":"sam"}""".formatted(first, freeText));
        live.admin("POST", "/api/customers/" + id + "/follow-ups", """
                {"title":"Call %s back","owner":"sam","dueDate":"2030-01-01","note":"%s"}""".formatted(first, freeText));
        live.admin("PUT", "/api/customers/" + id + "/consents/email/marketing", "{\"status\":\"granted\",\"source\":\"web-form\"}");
        live.admin("POST", "/api/complaints", """
                {"customerId":"%s","channel":"email","category":"privacy","subject":"%s","description":"%s wrote %s"}"""
                .formatted(id, freeText, first, email));
        live.admin("POST", "/api/feedback", """
                {"customerId":"%s","channel":"review","text":"%s says %s","rating":2}""".formatted(id, first, freeText));
        String survey = field(live.admin("POST", "/api/surveys", "{\"type\":\"NPS\",\"question\":\"Recommend us?\",\"channel\":\"email\"}"), "id");
        live.admin("POST", "/api/surveys/" + survey + "/responses", """
                {"customerId":"%s","score":4,"comment":"%s"}""".formatted(id, freeText));
        Await.until("the loyalty account", () -> live.http.send("GET", "/api/loyalty/accounts/" + id, live.adminToken, null).status(),
                status -> status == 200);
        Await.until("the segmentation record", () -> live.http.send("GET", "/api/segments/customers/" + id, live.adminToken, null).status(),
                status -> status == 200);

        Http.Response erase = live.admin("DELETE", "/api/customers/" + id + "?reason=asked", null);
        assertThat(erase.status()).isEqualTo(202);
        JsonNode erasure = Await.until("every service's confirmation", Duration.ofSeconds(90),
                () -> json(live.admin("GET", "/api/customers/" + id + "/erasure", null)), e -> e.path("complete").asBoolean());
        List<String> confirmed = new ArrayList<>();
        erasure.path("confirmed").forEach(c -> confirmed.add(c.path("service").asText()));
        assertThat(confirmed).containsAll(live.stack.servicesWithDatabase());

        List<String> personal = List.of(first, last, email, e164, phone, digits.length() == 4 ? "7946" + digits : e164, birthday, freeText);
        Map<String, List<String>> found = new TreeMap<>();
        Databases databases = new Databases(live.stack);
        for (String service : live.stack.servicesWithDatabase()) {
            try (Connection connection = databases.open(service)) {
                for (String table : Databases.tables(connection)) {
                    for (String value : personal) {
                        try (PreparedStatement query = connection.prepareStatement(
                                "SELECT count(*) FROM \"" + table + "\" t WHERE strpos(lower(t::text), lower(?)) > 0")) {
                            query.setString(1, value);
                            try (ResultSet rs = query.executeQuery()) {
                                rs.next();
                                if (rs.getLong(1) > 0) {
                                    found.computeIfAbsent(service + "." + table, k -> new ArrayList<>()).add(value);
                                }
                            }
                        }
                    }
                }
            }
        }
        System.out.printf("Privacy: %d services confirmed, %d personal values searched in every table%n",
                confirmed.size(), personal.size());
        assertThat(found).as("personal values left after the erasure, by table").isEmpty();
    }

    private static String field(Http.Response response, String name) {
        return json(response).path(name).asText();
    }

    private static JsonNode json(Http.Response response) {
        try {
            return OpenApiDocument.JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.toString(), e);
        }
    }
}
