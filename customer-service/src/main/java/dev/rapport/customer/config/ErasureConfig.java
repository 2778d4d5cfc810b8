package dev.rapport.customer.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** GDPR erasure settings under {@code rapport.customer.erasure}. */
@ConfigMapping(prefix = "rapport.customer.erasure")
public interface ErasureConfig {

    /**
     * Services that must confirm an erasure before it is complete (their erasure-confirmed events'
     * {@code service}). customer-service confirms itself in the erasure's transaction.
     */
    @WithDefault("customer-service,feedback-service,loyalty-service,segmentation-service")
    List<String> requiredServices();
}
