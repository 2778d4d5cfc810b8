package dev.rapport.loyalty.application.port.out.referral;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.loyalty.domain.referral.Referral;
import dev.rapport.loyalty.domain.referral.ReferralStatus;

public interface ReferralRepository {

    void insert(Referral referral);

    void update(Referral referral);

    /** The referee's pending or completed referral. */
    Optional<Referral> activeForReferee(UUID refereeId);

    /** Those of {@code refereeIds} with a pending referral (completed by their first purchase). */
    default Set<UUID> pendingForReferees(Collection<UUID> refereeIds) {
        Set<UUID> pending = new HashSet<>();
        for (UUID id : refereeIds) {
            activeForReferee(id).filter(r -> r.status() == ReferralStatus.PENDING).ifPresent(r -> pending.add(id));
        }
        return pending;
    }

    /** Pending and completed referrals of the advocate. */
    long countActiveForAdvocate(UUID advocateId);

    /** Referrals where the customer is advocate or referee, oldest first. */
    Page<Referral> page(UUID customerId, PageRequest request);
}
