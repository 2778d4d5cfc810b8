package dev.rapport.http.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityVerifierTest {

    private static final KeyPair GATEWAY = IdentityKeys.generate();
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final CallerIdentity ALICE = new CallerIdentity("jwt:alice", Set.of("crm-agent"), Set.of());

    @TempDir
    Path keys;

    private final MutableClock clock = new MutableClock(NOW);

    private IdentityVerifier verifier() throws Exception {
        Path publicKey = keys.resolve("gateway.pub");
        Files.writeString(publicKey, IdentityKeys.pem(GATEWAY.getPublic()));
        IdentityConfig config = new IdentityConfig() {
            public boolean required() {
                return true;
            }

            public Optional<String> publicKeyLocation() {
                return Optional.of(publicKey.toString());
            }

            public String issuer() {
                return "rapport-gateway";
            }

            public String audience() {
                return "rapport-services";
            }

            public Duration clockSkew() {
                return Duration.ofSeconds(5);
            }
        };
        return new IdentityVerifier(config, clock);
    }

    private static String bearer(CallerIdentity caller, Instant at, Duration ttl) {
        return "Bearer " + IdentityTokens.sign(caller, GATEWAY.getPrivate(), "rapport-gateway", "rapport-services", at, ttl);
    }

    @Test
    void aTokenSeenAgainNamesTheSameCallerUntilItExpires() throws Exception {
        IdentityVerifier verifier = verifier();
        String token = bearer(ALICE, NOW, Duration.ofSeconds(60));
        assertThat(verifier.verify(token)).contains(ALICE);
        clock.now = NOW.plusSeconds(30);
        assertThat(verifier.verify(token)).contains(ALICE);
        assertThat(verifier.rememberedTokens()).isEqualTo(1);

        clock.now = NOW.plusSeconds(66);
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(InvalidIdentityException.class).hasMessageContaining("expired");
    }

    @Test
    void aForgedTokenIsRefusedEveryTimeAndNeverRemembered() throws Exception {
        IdentityVerifier verifier = verifier();
        String token = bearer(ALICE, NOW, Duration.ofSeconds(60));
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidIdentityException.class);
        }
        assertThat(verifier.rememberedTokens()).isZero();
    }

    @Test
    void rememberedTokensStayBounded() throws Exception {
        IdentityVerifier verifier = verifier();
        for (int i = 0; i < IdentityVerifier.REMEMBERED_TOKENS + 10; i++) {
            verifier.verify(bearer(new CallerIdentity("jwt:user-" + i, Set.of(), Set.of()), NOW, Duration.ofSeconds(60)));
        }
        assertThat(verifier.rememberedTokens()).isBetween(1, IdentityVerifier.REMEMBERED_TOKENS);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
