package dev.rapport.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.rapport.gateway.config.GatewayConfig;
import dev.rapport.http.identity.CallerIdentity;
import dev.rapport.http.identity.IdentityKeys;
import dev.rapport.http.identity.IdentityTokens;

class IdentityTokenIssuerTest {

    private static final KeyPair KEYS = IdentityKeys.generate();

    private static final GatewayConfig.Identity CONFIG = new GatewayConfig.Identity() {
        public String privateKeyLocation() { return "unused"; }
        public String issuer() { return "rapport-gateway"; }
        public String audience() { return "rapport-services"; }
        public Duration ttl() { return Duration.ofSeconds(60); }
    };

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now.get(); }
    };
    private final IdentityTokenIssuer issuer = new IdentityTokenIssuer(CONFIG, KEYS.getPrivate(), clock);

    private CallerIdentity verify(String authorization) {
        return IdentityTokens.verify(authorization.substring("Bearer ".length()), KEYS.getPublic(),
                "rapport-gateway", "rapport-services", now.get(), Duration.ofSeconds(5));
    }

    @Test
    void aPartnersTokenNamesItsKeyAndScopes() {
        Caller shop = Caller.partner("shop", Set.of("loyalty:read"), "partner");
        assertEquals(new CallerIdentity("apikey:shop", Set.of(), Set.of("loyalty:read")), verify(issuer.authorization(shop)));
    }

    @Test
    void aCallersTokenIsReusedForHalfItsLifetimeThenRenewed() {
        Caller alice = Caller.user("alice", Set.of("crm-agent"));
        String first = issuer.authorization(alice);
        now.set(now.get().plusSeconds(29));
        assertEquals(first, issuer.authorization(alice));
        now.set(now.get().plusSeconds(1));
        String renewed = issuer.authorization(alice);
        assertNotEquals(first, renewed);
        assertEquals("jwt:alice", verify(renewed).principal());
        assertNotEquals(first, issuer.authorization(Caller.user("alice", Set.of("crm-admin"))), "other roles, other token");
    }
}
