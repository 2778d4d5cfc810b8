package dev.rapport.customer.application.service.engagement;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.engagement.CloseFollowUpUseCase;
import dev.rapport.customer.application.port.out.engagement.FollowUpRepository;
import dev.rapport.customer.domain.engagement.FollowUp;
import dev.rapport.customer.domain.engagement.FollowUpId;
import dev.rapport.customer.domain.engagement.FollowUpNotFoundException;

/** The row is locked while it changes, so a concurrent complete and cancel cannot both win. */
@ApplicationScoped
public class CloseFollowUpService implements CloseFollowUpUseCase {

    private final FollowUpRepository followUps;
    private final Clock clock;

    CloseFollowUpService(FollowUpRepository followUps, Clock clock) {
        this.followUps = followUps;
        this.clock = clock;
    }

    @Override
    @Transactional
    public FollowUp complete(UUID followUpId) {
        return close(followUpId, (followUp, now) -> followUp.complete(now));
    }

    @Override
    @Transactional
    public FollowUp cancel(UUID followUpId) {
        return close(followUpId, (followUp, now) -> followUp.cancel(now));
    }

    private FollowUp close(UUID rawId, BiPredicate<FollowUp, java.time.Instant> transition) {
        FollowUpId id = new FollowUpId(rawId);
        FollowUp followUp = followUps.findByIdForUpdate(id)
                .orElseThrow(() -> new FollowUpNotFoundException(id.toString()));
        if (transition.test(followUp, Clocks.now(clock))) {
            followUps.updateStatus(followUp);
        }
        return followUp;
    }
}
