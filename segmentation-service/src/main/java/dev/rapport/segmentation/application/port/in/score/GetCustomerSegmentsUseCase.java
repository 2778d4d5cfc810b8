package dev.rapport.segmentation.application.port.in.score;

import dev.rapport.segmentation.domain.score.ScoredCustomer;

public interface GetCustomerSegmentsUseCase {

    /** @throws dev.rapport.segmentation.domain.score.CustomerNotScoredException for an id no event named */
    ScoredCustomer get(GetCustomerSegmentsQuery query);
}
