package dev.rapport.segmentation.application.port.in.score;


public interface GetCustomerSegmentsUseCase {

    /** @throws dev.rapport.segmentation.domain.score.CustomerNotScoredException for an id no event named */
    CustomerSegmentsView get(GetCustomerSegmentsQuery query);
}
