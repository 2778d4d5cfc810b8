package dev.rapport.gateway;

import static dev.rapport.gateway.TestCallers.as;
import static dev.rapport.gateway.TestCallers.createCustomer;
import static dev.rapport.gateway.TestCallers.withKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * GET /api/customers/{id}/overview: profile from the real customer-service, segments and
 * complaints from stubs, loyalty-service down.
 */
@QuarkusTest
class OverviewTest {

    @Test
    void composesTheAvailablePartsAndMarksTheDownServiceUnavailable() {
        String id = createCustomer();
        as("crm-agent").get("/api/customers/" + id + "/overview")
                .then().statusCode(200)
                .contentType("application/json")
                .body("customerId", equalTo(id))
                .body("profile.status", equalTo("available"))
                .body("profile.data.id", equalTo(id))
                .body("profile.data.firstName", equalTo("Ada"))
                .body("loyalty.status", equalTo("unavailable"))
                .body("loyalty.data", nullValue())
                .body("segments.status", equalTo("available"))
                .body("segments.data.abc", equalTo("A"))
                .body("segments.data.rfm.monetary", equalTo(5))
                .body("openComplaints.status", equalTo("available"))
                .body("openComplaints.data.items[0].customerId", equalTo(id))
                .body("openComplaints.data.items[0].status", equalTo("open"));
    }

    @Test
    void aPartThatTimesOutIsUnavailableAndTheRestStillArrives() {
        String id = createCustomer();
        TestCallers.stubPost("segmentation", "/stub/slow/" + id);
        as("crm-admin").get("/api/customers/" + id + "/overview")
                .then().statusCode(200)
                .body("profile.status", equalTo("available"))
                .body("segments.status", equalTo("unavailable"))
                .body("openComplaints.status", equalTo("available"));
    }

    @Test
    void partsTheCallerMayNotReadAreForbidden() {
        String id = createCustomer();
        // The reader key has customers:read only.
        withKey("reader").get("/api/customers/" + id + "/overview")
                .then().statusCode(200)
                .body("profile.status", equalTo("available"))
                .body("segments.status", equalTo("forbidden"))
                .body("openComplaints.status", equalTo("forbidden"))
                .body("loyalty.status", equalTo("forbidden"));
    }

    @Test
    void anUnknownCustomerIs404AndABadIdIs400() {
        as("crm-admin").get("/api/customers/" + UUID.randomUUID() + "/overview")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/not-found"));
        as("crm-admin").get("/api/customers/not-a-uuid/overview")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void needsTheCustomersReadRightLikeTheProfile() {
        as("crm-analyst").get("/api/customers/" + UUID.randomUUID() + "/overview")
                .then().statusCode(403);
        withKey("feedback-partner").get("/api/customers/" + UUID.randomUUID() + "/overview")
                .then().statusCode(403);
    }
}
