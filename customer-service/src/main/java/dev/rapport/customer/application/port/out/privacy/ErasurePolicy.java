package dev.rapport.customer.application.port.out.privacy;

import java.util.Set;

import dev.rapport.customer.domain.privacy.ServiceName;

/** Which services must confirm an erasure before it is complete (configuration). */
public interface ErasurePolicy {

    Set<ServiceName> requiredServices();
}
