package dev.rapport.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void mapsEachPublicPrefixToItsUpstreamAndStripsApi() {
        assertEquals(Upstream.CUSTOMER, RouteTable.find("/api/customers/42/purchases").orElseThrow().upstream());
        assertEquals(Upstream.FEEDBACK, RouteTable.find("/api/feedback").orElseThrow().upstream());
        assertEquals(Upstream.FEEDBACK, RouteTable.find("/api/complaints/7").orElseThrow().upstream());
        assertEquals(Upstream.FEEDBACK, RouteTable.find("/api/surveys/nps").orElseThrow().upstream());
        assertEquals(Upstream.LOYALTY, RouteTable.find("/api/loyalty/accounts/1").orElseThrow().upstream());
        assertEquals(Upstream.SEGMENTATION, RouteTable.find("/api/segments/customers/1").orElseThrow().upstream());
        assertEquals("/customers/42", RouteTable.find("/api/customers/42").orElseThrow().upstreamPath("/api/customers/42"));
    }

    @Test
    void matchesWholeSegmentsOnly() {
        assertTrue(RouteTable.find("/api/customersX").isEmpty());
        assertTrue(RouteTable.find("/api").isEmpty());
        assertTrue(RouteTable.find("/customers/1").isEmpty());
    }

    @Test
    void findsTheRouteOfAnUpstreamPath() {
        assertEquals("complaints", RouteTable.forUpstreamPath(Upstream.FEEDBACK, "/complaints/{id}").orElseThrow().name());
        assertTrue(RouteTable.forUpstreamPath(Upstream.LOYALTY, "/customers/{id}").isEmpty());
    }

    @Test
    void prefixesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new GatewayRoute("x", "/customers", Upstream.CUSTOMER));
        assertThrows(IllegalArgumentException.class, () -> new GatewayRoute("x", "/api/customers/", Upstream.CUSTOMER));
    }
}
