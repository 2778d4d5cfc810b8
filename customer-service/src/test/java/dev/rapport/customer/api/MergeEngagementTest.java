package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Consents, interactions and follow-ups follow a merged customer (EngagementMergeParticipant). */
@QuarkusTest
class MergeEngagementTest {

    @Test
    void theNewestConsentWinsAndInteractionsAndFollowUpsMoveToTheSurvivor() {
        String survivor = createCustomer();
        String duplicate = createCustomer();
        // email/marketing: the survivor granted long ago, the duplicate revoked later -> revoked wins.
        ConsentApiTest.put(survivor, "email", "marketing", ConsentApiTest.consent("granted", "2023-01-01T00:00:00Z")).statusCode(200);
        ConsentApiTest.put(duplicate, "email", "marketing", ConsentApiTest.consent("revoked", "2024-06-01T00:00:00Z")).statusCode(200);
        // sms/service: only the survivor's newer statement exists for it -> it stays.
        ConsentApiTest.put(duplicate, "sms", "service", ConsentApiTest.consent("granted", "2022-01-01T00:00:00Z")).statusCode(200);
        ConsentApiTest.put(survivor, "sms", "service", ConsentApiTest.consent("denied", "2024-01-01T00:00:00Z")).statusCode(200);
        // post/marketing: only the duplicate said anything -> it becomes the survivor's.
        ConsentApiTest.put(duplicate, "post", "marketing", ConsentApiTest.consent("granted", "2024-02-01T00:00:00Z")).statusCode(200);

        String sharedKey = "key-" + UUID.randomUUID();
        InteractionApiTest.post(survivor, InteractionApiTest.interaction("survivor call", "2024-05-01T10:00:00Z"), sharedKey).statusCode(201);
        InteractionApiTest.post(duplicate, InteractionApiTest.interaction("duplicate call", "2024-05-02T10:00:00Z"), sharedKey).statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Call back about the invoice", "owner", "j.smith", "dueAt", "2030-01-01T09:00:00Z"))
                .when().post("/customers/{id}/follow-ups", duplicate).then().statusCode(201);

        CustomerMergeApiTest.merge(survivor, duplicate, null).statusCode(200);

        given().when().get("/customers/{id}/consents", survivor).then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.findAll { it.channel == 'email' }.status", contains("revoked"))
                .body("items.findAll { it.channel == 'sms' }.status", contains("denied"))
                .body("items.findAll { it.channel == 'post' }.status", contains("granted"));
        given().queryParam("history", true).when().get("/customers/{id}/consents", survivor).then()
                .body("items", hasSize(5));
        given().when().get("/customers/{id}/interactions", survivor).then().statusCode(200)
                .body("items.summary", containsInAnyOrder("survivor call", "duplicate call"));
        given().when().get("/customers/{id}/follow-ups", survivor).then().statusCode(200)
                .body("items.title", hasItem("Call back about the invoice"));
        // The same key on the survivor still answers with the survivor's own interaction.
        InteractionApiTest.post(survivor, InteractionApiTest.interaction("survivor call", "2024-05-01T10:00:00Z"), sharedKey)
                .statusCode(200).body("summary", org.hamcrest.Matchers.equalTo("survivor call"));
        // Nothing is left on the tombstone's lists but its consent evidence.
        given().redirects().follow(false).when().get("/customers/{id}/interactions", duplicate).then().statusCode(308);
        given().when().get("/customers/{id}/follow-ups", survivor).then().body("items", org.hamcrest.Matchers.not(empty()));
    }
}
