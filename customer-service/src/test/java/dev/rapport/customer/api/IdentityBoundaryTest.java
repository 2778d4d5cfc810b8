package dev.rapport.customer.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.testing.IdentityBoundaryContract;
import dev.rapport.testing.IdentityRequiredProfile;
import dev.rapport.testing.TestIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** customer-service as production runs it: only calls carrying the gateway's identity token get in. */
@QuarkusTest
@TestProfile(IdentityRequiredProfile.class)
class IdentityBoundaryTest extends IdentityBoundaryContract {

    @Override
    protected String protectedPath() {
        return "/customers";
    }

    @Test
    void aWriteWithoutATokenIsRefusedAndStoresNothing() {
        String email = "direct-" + System.nanoTime() + "@example.com";
        given().contentType(ContentType.JSON).body(Map.of("firstName", "Eve", "email", email))
                .when().post("/customers")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestIdentity.bearer("jwt:alice")).queryParam("email", email)
                .when().get("/customers").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void theErasureIsAuditedUnderTheTokensCallerNotAForgedHeader() {
        String id = given().header("Authorization", TestIdentity.bearer("jwt:alice")).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Ada", "email", "ada-" + System.nanoTime() + "@example.com"))
                .when().post("/customers").then().statusCode(201).extract().path("id");
        given().header("Authorization", TestIdentity.bearer("jwt:alice")).header("X-Rapport-Principal", "jwt:mallory")
                .when().delete("/customers/{id}", id)
                .then().statusCode(202).body("requestedBy", equalTo("jwt:alice"));
    }
}
