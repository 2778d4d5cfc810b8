package dev.rapport.gateway.security;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rapport.gateway.config.GatewayConfig;
import dev.rapport.http.identity.CallerIdentity;
import dev.rapport.http.identity.IdentityKeys;
import dev.rapport.http.identity.IdentityTokens;

/**
 * Signs the identity token each upstream request carries: the caller's principal, roles and scopes,
 * valid for a minute. Services verify it (platform/http) and trust nothing else, so a request that
 * bypasses the gateway, or a header a client sets, names nobody. A caller's token is reused for half
 * its lifetime instead of signed per request.
 */
@ApplicationScoped
public class IdentityTokenIssuer {

    private static final int MAX_CACHED = 10_000;

    private record Issued(String token, Instant renewAt) {
    }

    private final PrivateKey key;
    private final GatewayConfig.Identity config;
    private final Clock clock;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    @Inject
    public IdentityTokenIssuer(GatewayConfig config) {
        this(config.identity(), IdentityKeys.privateKey(config.identity().privateKeyLocation()), Clock.systemUTC());
    }

    IdentityTokenIssuer(GatewayConfig.Identity config, PrivateKey key, Clock clock) {
        this.config = config;
        this.key = key;
        this.clock = clock;
    }

    /** The {@code Authorization} header value for a request on behalf of {@code caller}. */
    public String authorization(Caller caller) {
        String cacheKey = caller.principal() + "|" + new TreeSet<>(caller.roles()) + "|" + new TreeSet<>(caller.scopes());
        Instant now = clock.instant();
        Issued current = issued.get(cacheKey);
        if (current == null || !now.isBefore(current.renewAt())) {
            if (issued.size() >= MAX_CACHED) {
                issued.clear();
            }
            String token = IdentityTokens.sign(new CallerIdentity(caller.principal(), caller.roles(), caller.scopes()),
                    key, config.issuer(), config.audience(), now, config.ttl());
            current = new Issued("Bearer " + token, now.plus(config.ttl().dividedBy(2)));
            issued.put(cacheKey, current);
        }
        return current.token();
    }
}
