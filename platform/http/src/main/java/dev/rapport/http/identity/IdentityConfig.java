package dev.rapport.http.identity;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a service checks the identity the gateway vouches for ({@code rapport.identity.*}). Every
 * service shares these names; the key comes from {@code IDENTITY_PUBLIC_KEY_LOCATION}.
 */
@ConfigMapping(prefix = "rapport.identity")
public interface IdentityConfig {

    /** Refuse requests without a token (401). Only tests of other behaviour turn it off. */
    @WithDefault("true")
    boolean required();

    /** The gateway's Ed25519 public key: {@code file:...} or {@code classpath:...} PEM. */
    Optional<String> publicKeyLocation();

    @WithDefault("rapport-gateway")
    String issuer();

    @WithDefault("rapport-services")
    String audience();

    /** Tolerance for clocks that differ between gateway and service; tokens live 60 s. */
    @WithDefault("5s")
    Duration clockSkew();
}
