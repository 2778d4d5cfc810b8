package dev.rapport.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.rapport.gateway.routing.GatewayRoute;
import dev.rapport.gateway.routing.RouteTable;

class RoutePolicyTest {

    private static Caller user(String... roles) {
        return Caller.user("u", Set.of(roles));
    }

    private static Caller partner(String... scopes) {
        return Caller.partner("p", Set.of(scopes), "partner");
    }

    @Test
    void adminMayDoEverythingEvenWhatNoRuleCovers() {
        Caller admin = user(RoutePolicy.ADMIN);
        assertTrue(RoutePolicy.permits(admin, "DELETE", "/api/customers/1"));
        assertTrue(RoutePolicy.permits(admin, "POST", "/api/segments/recompute"));
        assertTrue(RoutePolicy.permits(admin, "GET", "/api/imports/7"));
    }

    @Test
    void agentsReadCustomersAndWorkComplaintsFeedbackAndPoints() {
        Caller agent = user(RoutePolicy.AGENT);
        assertTrue(RoutePolicy.permits(agent, "GET", "/api/customers"));
        assertTrue(RoutePolicy.permits(agent, "HEAD", "/api/customers/1"));
        assertTrue(RoutePolicy.permits(agent, "GET", "/api/customers/1/overview"));
        assertFalse(RoutePolicy.permits(agent, "POST", "/api/customers"));
        assertFalse(RoutePolicy.permits(agent, "PATCH", "/api/customers/1"));
        assertTrue(RoutePolicy.permits(agent, "PATCH", "/api/complaints/9"));
        assertTrue(RoutePolicy.permits(agent, "POST", "/api/feedback"));
        assertTrue(RoutePolicy.permits(agent, "POST", "/api/loyalty/accounts/1/adjustments"));
        assertFalse(RoutePolicy.permits(agent, "POST", "/api/loyalty/tiers"));
        assertFalse(RoutePolicy.permits(agent, "GET", "/api/imports/7"), "deny by default");
    }

    @Test
    void analystsOnlyRead() {
        Caller analyst = user(RoutePolicy.ANALYST);
        assertTrue(RoutePolicy.permits(analyst, "GET", "/api/segments/kpis"));
        assertTrue(RoutePolicy.permits(analyst, "GET", "/api/surveys/nps"));
        assertTrue(RoutePolicy.permits(analyst, "GET", "/api/loyalty/accounts/1"));
        assertFalse(RoutePolicy.permits(analyst, "GET", "/api/customers/1"));
        assertFalse(RoutePolicy.permits(analyst, "GET", "/api/complaints"));
        assertFalse(RoutePolicy.permits(analyst, "POST", "/api/segments/recompute"));
        assertFalse(RoutePolicy.permits(analyst, "POST", "/api/feedback"));
    }

    @Test
    void partnersNeedTheRouteScope() {
        assertTrue(RoutePolicy.permits(partner("customers:read"), "GET", "/api/customers/1"));
        assertFalse(RoutePolicy.permits(partner("customers:read"), "POST", "/api/customers"));
        assertTrue(RoutePolicy.permits(partner("customers:write"), "POST", "/api/customers"));
        assertTrue(RoutePolicy.permits(partner("purchases:write"), "POST", "/api/customers/1/purchases"));
        assertTrue(RoutePolicy.permits(partner("purchases:write"), "POST", "/api/customers/1/purchases/o-1/returns"));
        assertFalse(RoutePolicy.permits(partner("customers:write"), "POST", "/api/customers/1/purchases"));
        assertFalse(RoutePolicy.permits(partner("purchases:write"), "GET", "/api/customers/1/purchases"));
        assertTrue(RoutePolicy.permits(partner("loyalty:write"), "POST", "/api/loyalty/accounts/1/adjustments"));
        assertTrue(RoutePolicy.permits(partner("segments:read"), "GET", "/api/segments/customers/1"));
        assertFalse(RoutePolicy.permits(partner("segments:read"), "GET", "/api/customers/1"));
        assertFalse(RoutePolicy.permits(partner("customers:read"), "GET", "/api/imports/1"), "no scope opens unlisted paths");
    }

    @Test
    void rolesAndScopesDoNotMix() {
        assertFalse(RoutePolicy.permits(user("customers:read"), "GET", "/api/customers/1"));
        assertFalse(RoutePolicy.permits(partner(RoutePolicy.ADMIN), "GET", "/api/customers/1"));
    }

    @Test
    void patternsMatchWholeSegments() {
        assertEquals(RoutePolicy.ADMIN_ONLY, RoutePolicy.requiredAccess("GET", "/api/customersX"));
        assertEquals(Set.of("customers:read"), RoutePolicy.requiredAccess("GET", "/api/customers").scopes());
        assertEquals(Set.of("customers:read"), RoutePolicy.requiredAccess("GET", "/api/customers/1/overview").scopes());
        assertEquals(Set.of("customers:read"), RoutePolicy.requiredAccess("GET", "/api/customers/1/overview/x").scopes());
        assertEquals(RoutePolicy.ADMIN_ONLY, RoutePolicy.requiredAccess("TRACE", "/api/customers"));
    }

    @Test
    void everyRoutedPrefixHasReadAndWriteRules() {
        for (GatewayRoute route : RouteTable.ROUTES) {
            assertTrue(RoutePolicy.requiredAccess("GET", route.publicPrefix() + "/x") != RoutePolicy.ADMIN_ONLY, route.name());
            assertTrue(RoutePolicy.requiredAccess("POST", route.publicPrefix() + "/x") != RoutePolicy.ADMIN_ONLY, route.name());
        }
    }
}
