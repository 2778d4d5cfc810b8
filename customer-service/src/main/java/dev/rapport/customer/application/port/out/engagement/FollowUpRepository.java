package dev.rapport.customer.application.port.out.engagement;

import java.util.Optional;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.domain.engagement.FollowUp;
import dev.rapport.customer.domain.engagement.FollowUpCriteria;
import dev.rapport.customer.domain.engagement.FollowUpId;

/** Where follow-ups are kept. Writes join the caller's transaction. */
public interface FollowUpRepository {

    void add(FollowUp followUp);

    Optional<FollowUp> findById(FollowUpId id);

    /** Reads and locks the follow-up until the transaction ends, so concurrent closes queue up. */
    Optional<FollowUp> findByIdForUpdate(FollowUpId id);

    /** Stores the changed status and closedAt. */
    void updateStatus(FollowUp followUp);

    /** Ordered by (dueAt, id) ascending. */
    Page<FollowUp> search(FollowUpCriteria criteria, PageRequest page);
}
