package dev.rapport.customer.application.service.privacy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.privacy.GetErasureProgressUseCase;
import dev.rapport.customer.application.port.out.privacy.ErasurePolicy;
import dev.rapport.customer.application.port.out.privacy.ErasureRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.privacy.Erasure;
import dev.rapport.customer.domain.privacy.ErasureNotFoundException;
import dev.rapport.customer.domain.privacy.ErasureProgress;

@ApplicationScoped
public class GetErasureProgressService implements GetErasureProgressUseCase {

    private final ErasureRepository erasures;
    private final ErasurePolicy policy;

    public GetErasureProgressService(ErasureRepository erasures, ErasurePolicy policy) {
        this.erasures = erasures;
        this.policy = policy;
    }

    @Override
    public ErasureProgress progress(UUID customerId) {
        Erasure erasure = erasures.findByCustomer(new CustomerId(customerId))
                .orElseThrow(() -> new ErasureNotFoundException(customerId.toString()));
        return ErasureProgress.of(erasure, policy.requiredServices(), erasures.confirmations(erasure.id()));
    }
}
