package dev.rapport.http.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdentityTokensTest {

    private static final KeyPair GATEWAY = IdentityKeys.generate();
    private static final KeyPair OTHER = IdentityKeys.generate();
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(5);
    private static final CallerIdentity ALICE = new CallerIdentity("jwt:alice", Set.of("crm-agent"), Set.of());
    private static final CallerIdentity SHOP = new CallerIdentity("apikey:shop", Set.of(), Set.of("loyalty:read", "customers:write"));

    private static String sign(CallerIdentity caller, KeyPair keys, Instant at) {
        return IdentityTokens.sign(caller, keys.getPrivate(), "rapport-gateway", "rapport-services", at, Duration.ofSeconds(60));
    }

    private static CallerIdentity verify(String token, Instant at) {
        return IdentityTokens.verify(token, GATEWAY.getPublic(), "rapport-gateway", "rapport-services", at, SKEW);
    }

    @Test
    void aTokenTheGatewaySignedNamesTheCallerWithRolesAndScopes() {
        assertThat(verify(sign(ALICE, GATEWAY, NOW), NOW.plusSeconds(30))).isEqualTo(ALICE);
        assertThat(verify(sign(SHOP, GATEWAY, NOW), NOW)).isEqualTo(SHOP);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        assertThatThrownBy(() -> verify(sign(ALICE, OTHER, NOW), NOW))
                .isInstanceOf(InvalidIdentityException.class).hasMessageContaining("signature");
    }

    @Test
    void anExpiredTokenIsRefusedOnceTheSkewIsUsedUp() {
        String token = sign(ALICE, GATEWAY, NOW);
        assertThat(verify(token, NOW.plusSeconds(65))).isEqualTo(ALICE);
        assertThatThrownBy(() -> verify(token, NOW.plusSeconds(66)))
                .isInstanceOf(InvalidIdentityException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> verify(sign(ALICE, GATEWAY, NOW.plusSeconds(30)), NOW))
                .isInstanceOf(InvalidIdentityException.class).hasMessageContaining("future");
    }

    @Test
    void anAlgNoneTokenOrAChangedPayloadIsRefused() {
        String[] parts = sign(ALICE, GATEWAY, NOW).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verify(none + "." + parts[1] + ".", NOW))
                .isInstanceOf(InvalidIdentityException.class).hasMessageContaining("algorithm");
        String admin = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("crm-agent", "crm-admin").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verify(parts[0] + "." + admin + "." + parts[2], NOW))
                .isInstanceOf(InvalidIdentityException.class).hasMessageContaining("signature");
    }

    @Test
    void anotherIssuerOrAudienceIsRefused() {
        String token = sign(ALICE, GATEWAY, NOW);
        assertThatThrownBy(() -> IdentityTokens.verify(token, GATEWAY.getPublic(), "someone-else", "rapport-services", NOW, SKEW))
                .isInstanceOf(InvalidIdentityException.class).hasMessageContaining("issued");
        assertThatThrownBy(() -> IdentityTokens.verify(token, GATEWAY.getPublic(), "rapport-gateway", "billing", NOW, SKEW))
                .isInstanceOf(InvalidIdentityException.class).hasMessageContaining("meant");
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        for (String garbage : new String[] {"", "a.b", "a.b.c", "x".repeat(9000), "e30.e30.", "!!.!!.!!"}) {
            assertThatThrownBy(() -> verify(garbage, NOW)).isInstanceOf(InvalidIdentityException.class);
        }
    }

    @Test
    void keysRoundTripThroughPem() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("identity-keys");
        java.nio.file.Path pub = dir.resolve("public.pem");
        java.nio.file.Path priv = dir.resolve("private.pem");
        java.nio.file.Files.writeString(pub, IdentityKeys.pem(GATEWAY.getPublic()));
        java.nio.file.Files.writeString(priv, IdentityKeys.pem(GATEWAY.getPrivate()));
        String token = IdentityTokens.sign(ALICE, IdentityKeys.privateKey("file:" + priv), "rapport-gateway",
                "rapport-services", NOW, Duration.ofSeconds(60));
        assertThat(IdentityTokens.verify(token, IdentityKeys.publicKey(pub.toString()), "rapport-gateway",
                "rapport-services", NOW, SKEW)).isEqualTo(ALICE);
    }
}
