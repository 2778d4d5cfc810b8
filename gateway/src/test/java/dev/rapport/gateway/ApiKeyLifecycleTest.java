package dev.rapport.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Keys created and revoked with tools/DevKeys.java (as ./rapport apikey does) take effect on the
 * running gateway without a restart.
 */
@QuarkusTest
class ApiKeyLifecycleTest {

    @Test
    void aNewKeyWorksAtOnceAndARevokedKeyStopsWorking() {
        String name = "shop-" + System.nanoTime();
        String key = GatewayTestResource.runDevKeys(TestCallers.keyDirectory(),
                "apikey", "create", name, "--scopes", "customers:read,loyalty:read");
        assertTrue(key.startsWith("rk_") && key.length() == 46, "a 256-bit key, printed once: " + key);

        TestCallers.eventually("the new key is accepted", () -> status(key) == 200);

        String listed = GatewayTestResource.runDevKeys(TestCallers.keyDirectory(), "apikey", "list");
        assertTrue(listed.contains(name) && listed.contains("customers:read"), listed);
        assertTrue(!listed.contains(key), "list never shows keys");

        GatewayTestResource.runDevKeys(TestCallers.keyDirectory(), "apikey", "revoke", name);
        TestCallers.eventually("the revoked key is refused", () -> status(key) == 401);
        // The other keys of the file keep working.
        given().header("X-Api-Key", TestCallers.presetKey("reader")).get("/api/customers?limit=1")
                .then().statusCode(200);
    }

    private static int status(String key) {
        return given().header("X-Api-Key", key).get("/api/customers?limit=1").then().extract().statusCode();
    }
}
