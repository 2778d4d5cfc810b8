package dev.rapport.customer.application.service.engagement;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.engagement.GetFollowUpUseCase;
import dev.rapport.customer.application.port.out.engagement.FollowUpRepository;
import dev.rapport.customer.domain.engagement.FollowUp;
import dev.rapport.customer.domain.engagement.FollowUpId;
import dev.rapport.customer.domain.engagement.FollowUpNotFoundException;

@ApplicationScoped
public class GetFollowUpService implements GetFollowUpUseCase {

    private final FollowUpRepository followUps;

    GetFollowUpService(FollowUpRepository followUps) {
        this.followUps = followUps;
    }

    @Override
    public FollowUp get(UUID followUpId) {
        FollowUpId id = new FollowUpId(followUpId);
        return followUps.findById(id).orElseThrow(() -> new FollowUpNotFoundException(id.toString()));
    }
}
