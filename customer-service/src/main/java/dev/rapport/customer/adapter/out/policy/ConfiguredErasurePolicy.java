package dev.rapport.customer.adapter.out.policy;

import dev.rapport.customer.config.ErasureConfig;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import dev.rapport.customer.application.port.out.privacy.ErasurePolicy;
import dev.rapport.customer.domain.privacy.ErasureProgress;
import dev.rapport.customer.domain.privacy.ServiceName;

/** The required services from {@link ErasureConfig}, checked once at start (a typo fails the boot). */
@Startup
@ApplicationScoped
public class ConfiguredErasurePolicy implements ErasurePolicy {

    private final Set<ServiceName> required;

    public ConfiguredErasurePolicy(ErasureConfig config) {
        TreeSet<ServiceName> names = new TreeSet<>();
        for (String name : config.requiredServices()) {
            try {
                names.add(new ServiceName(name.strip()));
            } catch (RuntimeException e) {
                throw new IllegalStateException("rapport.customer.erasure.required-services: '" + name + "' "
                        + e.getMessage(), e);
            }
        }
        if (names.size() > ErasureProgress.MAX_REQUIRED_SERVICES) {
            throw new IllegalStateException("rapport.customer.erasure.required-services: at most "
                    + ErasureProgress.MAX_REQUIRED_SERVICES + " services, " + names.size() + " given");
        }
        this.required = Set.copyOf(names);
    }

    @Override
    public Set<ServiceName> requiredServices() {
        return required;
    }
}
