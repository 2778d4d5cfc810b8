package dev.rapport.customer.application.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.GetFollowUpUseCase;
import dev.rapport.customer.application.port.out.FollowUpRepository;
import dev.rapport.customer.domain.followup.FollowUp;
import dev.rapport.customer.domain.followup.FollowUpId;
import dev.rapport.customer.domain.followup.FollowUpNotFoundException;

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
