package dev.rapport.customer.application.port.in.engagement;

import dev.rapport.kernel.paging.PageRequest;

import dev.rapport.kernel.paging.Page;

import dev.rapport.customer.domain.engagement.FollowUp;

public interface ListFollowUpsUseCase {

    /**
     * Follow-ups matching the query, ordered by due time then id.
     *
     * @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer (when given)
     * @throws dev.rapport.kernel.InvalidInputException unknown due window or status
     */
    Page<FollowUp> list(FollowUpQuery query, PageRequest page);
}
