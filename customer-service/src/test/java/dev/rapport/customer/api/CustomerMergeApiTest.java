package dev.rapport.customer.api;

import static dev.rapport.customer.api.TestData.createCustomer;
import static dev.rapport.customer.api.TestData.customer;
import static dev.rapport.customer.api.TestData.line;
import static dev.rapport.customer.api.TestData.purchase;
import static dev.rapport.customer.api.TestData.recordPurchase;
import static dev.rapport.customer.api.TestData.uniqueExternalId;
import static dev.rapport.customer.api.TestData.uniqueOrderId;
import static dev.rapport.customer.api.TestData.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** POST /customers/{survivorId}/merge: the rules, the tombstone, and every way it can be refused. */
@QuarkusTest
class CustomerMergeApiTest {

    @Test
    void mergesFieldsTagsMapsAndPurchasesAndLeavesATombstone() {
        Map<String, Object> survivorBody = customer();
        survivorBody.put("lastName", null);
        survivorBody.put("tags", List.of("vip"));
        survivorBody.put("attributes", Map.of("team", "north", "shoeSize", "38"));
        survivorBody.put("preferences", Map.of("language", "en"));
        String survivor = createCustomer(survivorBody);

        String externalId = uniqueExternalId();
        String phone = uniquePhone();
        Map<String, Object> duplicateBody = customer();
        duplicateBody.put("firstName", "Augusta");
        duplicateBody.put("externalId", externalId);
        duplicateBody.put("phone", phone);
        duplicateBody.put("company", "Analytical Engines");
        duplicateBody.put("tags", List.of("early-adopter", "VIP"));
        duplicateBody.put("attributes", Map.of("team", "south", "size", "m"));
        duplicateBody.put("preferences", Map.of("language", "fr", "newsletter", "weekly"));
        String duplicate = createCustomer(duplicateBody);
        String orderId = uniqueOrderId();
        recordPurchase(duplicate, purchase(orderId, line("A1", 2, "5.00"))).statusCode(201);
        given().contentType(ContentType.JSON).body("{\"returnKey\": \"R1\", \"lines\": [{\"sku\": \"A1\", \"quantity\": 1}]}")
                .when().post("/customers/{id}/purchases/{orderId}/returns", duplicate, orderId)
                .then().statusCode(201);
        String survivorOrder = uniqueOrderId();
        recordPurchase(survivor, purchase(survivorOrder, line("B1", 1, "1.00"))).statusCode(201);

        merge(survivor, duplicate, "\"0\"").statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(survivor))
                .body("firstName", equalTo("Ada"))
                .body("lastName", equalTo("Lovelace"))
                .body("email", equalTo(survivorBody.get("email")))
                .body("phone", equalTo(phone))
                .body("externalId", equalTo(externalId))
                .body("company", equalTo("Analytical Engines"))
                .body("tags", contains("early-adopter", "vip"))
                .body("attributes", equalTo(Map.of("team", "north", "shoeSize", "38", "size", "m")))
                .body("preferences", equalTo(Map.of("language", "en", "newsletter", "weekly")))
                .body("version", equalTo(1));

        given().when().get("/customers/{id}/purchases", survivor).then().statusCode(200)
                .body("items.orderId", containsInAnyOrder(orderId, survivorOrder));
        given().when().get("/customers/{id}/purchases/{orderId}", survivor, orderId).then().statusCode(200)
                .body("customerId", equalTo(survivor))
                .body("returnedAmount", equalTo("5.00"))
                .body("returns", hasSize(1));

        given().redirects().follow(false).when().get("/customers/{id}", duplicate).then()
                .statusCode(308)
                .header("Location", endsWith("/customers/" + survivor))
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/customer-merged"))
                .body("survivorId", equalTo(survivor));
        given().when().get("/customers/{id}", duplicate).then().statusCode(200).body("id", equalTo(survivor));

        // The released identifiers now find the survivor; the tombstone is in no list.
        given().when().get("/customers?externalId={x}", externalId).then().body("items.id", contains(survivor));
        given().when().get("/customers?email={e}", duplicateBody.get("email")).then().body("items", empty());
        given().when().get("/customers?q={q}", "augusta").then().body("items.id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(duplicate)));
        // Its e-mail was released and is free again (the survivor kept its own).
        Map<String, Object> reuse = customer();
        reuse.put("email", duplicateBody.get("email"));
        TestData.create(reuse).statusCode(201);
    }

    @Test
    void writesToATombstoneAreRedirectedToTheSameRequestOnTheSurvivor() {
        String survivor = createCustomer();
        String duplicate = createCustomer();
        merge(survivor, duplicate, null).statusCode(200);

        given().redirects().follow(false).contentType("application/merge-patch+json").body("{\"company\": \"X\"}")
                .when().patch("/customers/{id}", duplicate).then()
                .statusCode(308).header("Location", endsWith("/customers/" + survivor));
        given().redirects().follow(false).contentType(ContentType.JSON)
                .body(purchase(uniqueOrderId(), line("A1", 1, "1.00")))
                .when().post("/customers/{id}/purchases", duplicate).then()
                .statusCode(308).header("Location", endsWith("/customers/" + survivor + "/purchases"));
        given().redirects().follow(false).when().get("/customers/{id}/purchases?limit=5", duplicate).then()
                .statusCode(308).header("Location", endsWith("/customers/" + survivor + "/purchases?limit=5"));
        given().when().get("/customers/{id}", survivor).then().body("version", equalTo(1)).body("company", equalTo(null));
    }

    @Test
    void aTombstoneOfATombstonePointsStraightToTheLastSurvivor() {
        String first = createCustomer();
        String second = createCustomer();
        String third = createCustomer();
        merge(second, first, null).statusCode(200);
        merge(third, second, null).statusCode(200);

        given().redirects().follow(false).when().get("/customers/{id}", first).then()
                .statusCode(308).header("Location", endsWith("/customers/" + third));
    }

    @Test
    void unknownSurvivorOrDuplicateIs404SayingWhich() {
        String known = createCustomer();
        String unknown = UUID.randomUUID().toString();

        merge(unknown, known, null).statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/not-found"))
                .body("role", equalTo("survivor"))
                .body("detail", equalTo("No customer with id " + unknown + " (the survivor of the merge)"));
        merge(known, unknown, null).statusCode(404)
                .body("role", equalTo("duplicate"))
                .body("errors[0].field", equalTo("duplicateId"));
        merge("not-a-uuid", known, null).statusCode(404);
        given().when().get("/customers/{id}", known).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void mergingACustomerIntoItselfIs422() {
        String id = createCustomer();

        merge(id, id, null).statusCode(422)
                .body("type", equalTo("https://rapport.dev/problems/merge-not-possible"))
                .body("errors[0].field", equalTo("duplicateId"));
        given().when().get("/customers/{id}", id).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void anAlreadyMergedDuplicateOrSurvivorIs409NamingWhereItWent() {
        String survivor = createCustomer();
        String duplicate = createCustomer();
        String other = createCustomer();
        merge(survivor, duplicate, null).statusCode(200);

        merge(other, duplicate, null).statusCode(409)
                .body("type", equalTo("https://rapport.dev/problems/customer-already-merged"))
                .body("role", equalTo("duplicate"))
                .body("mergedInto", equalTo(survivor));
        merge(duplicate, other, null).statusCode(409)
                .body("role", equalTo("survivor"))
                .body("mergedInto", equalTo(survivor));
        given().when().get("/customers/{id}", other).then().statusCode(200).body("version", equalTo(0));
        given().when().get("/customers/{id}", survivor).then().body("version", equalTo(1));
    }

    @Test
    void repeatingAMergeIntoTheSameSurvivorAnswersTheSameSurvivorAndChangesNothing() {
        String survivor = createCustomer();
        String duplicate = createCustomer();
        String first = merge(survivor, duplicate, null).statusCode(200).extract().asString();

        // A client retrying after a lost answer, even with the If-Match it sent the first time.
        merge(survivor, duplicate, "\"0\"").statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(survivor))
                .body("version", equalTo(1));
        assertThat(merge(survivor, duplicate, null).statusCode(200).extract().asString()).isEqualTo(first);
        given().when().get("/customers/{id}", survivor).then().body("version", equalTo(1));
    }

    @Test
    void aMissingOrMalformedDuplicateIdIs400() {
        String survivor = createCustomer();

        given().contentType(ContentType.JSON).body("{}").when().post("/customers/{id}/merge", survivor)
                .then().statusCode(400).body("errors[0].field", equalTo("duplicateId"));
        given().contentType(ContentType.JSON).body("{\"duplicateId\": \"nope\"}").when().post("/customers/{id}/merge", survivor)
                .then().statusCode(400).body("errors[0].field", equalTo("duplicateId"));
        given().contentType(ContentType.JSON).when().post("/customers/{id}/merge", survivor)
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"duplicateId\": \"" + UUID.randomUUID() + "\", \"x\": 1}")
                .when().post("/customers/{id}/merge", survivor).then().statusCode(400);
    }

    @Test
    void aStaleIfMatchIs412AndMergesNothing() {
        String survivor = createCustomer();
        String duplicate = createCustomer();

        merge(survivor, duplicate, "\"3\"").statusCode(412).body("currentVersion", equalTo(0));

        given().when().get("/customers/{id}", duplicate).then().statusCode(200).body("version", equalTo(0));
        given().when().get("/customers/{id}", survivor).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void aMergeBeyondTheTagLimitIs422AndMergesNothing() {
        Map<String, Object> survivorBody = customer();
        survivorBody.put("tags", IntStream.range(0, 30).mapToObj(i -> "s" + i).toList());
        String survivor = createCustomer(survivorBody);
        Map<String, Object> duplicateBody = customer();
        duplicateBody.put("tags", IntStream.range(0, 30).mapToObj(i -> "d" + i).toList());
        String duplicate = createCustomer(duplicateBody);

        merge(survivor, duplicate, null).statusCode(422).body("errors[0].field", equalTo("tags"));

        given().when().get("/customers/{id}", duplicate).then().statusCode(200).body("tags", hasSize(30));
    }

    @Test
    void aFailureLateInTheMergeLeavesNothingPartial() {
        Map<String, Object> survivorBody = customer();
        String survivor = createCustomer(survivorBody);
        String externalId = uniqueExternalId();
        Map<String, Object> duplicateBody = customer();
        duplicateBody.put("externalId", externalId);
        String duplicate = createCustomer(duplicateBody);
        String orderId = uniqueOrderId();
        recordPurchase(duplicate, purchase(orderId, line("A1", 1, "1.00"))).statusCode(201);
        FailingMergeParticipant.FAIL_FOR.add(UUID.fromString(duplicate));
        try {
            merge(survivor, duplicate, null).statusCode(500)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("simulated")));
        } finally {
            FailingMergeParticipant.FAIL_FOR.remove(UUID.fromString(duplicate));
        }

        given().when().get("/customers/{id}", duplicate).then().statusCode(200)
                .body("externalId", equalTo(externalId))
                .body("email", equalTo(duplicateBody.get("email")))
                .body("version", equalTo(0));
        given().when().get("/customers/{id}/purchases/{orderId}", duplicate, orderId).then().statusCode(200);
        given().when().get("/customers/{id}", survivor).then().body("version", equalTo(0)).body("externalId", equalTo(null));
        // And the same merge succeeds once nothing fails any more.
        merge(survivor, duplicate, null).statusCode(200).body("externalId", equalTo(externalId));
    }

    static ValidatableResponse merge(String survivor, String duplicate, String ifMatch) {
        Map<String, Object> body = new HashMap<>();
        body.put("duplicateId", duplicate);
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().post("/customers/{id}/merge", survivor).then();
    }
}
