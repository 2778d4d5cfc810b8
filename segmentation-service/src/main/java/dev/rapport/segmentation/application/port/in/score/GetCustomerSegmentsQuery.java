package dev.rapport.segmentation.application.port.in.score;

import java.util.Objects;
import java.util.UUID;

public record GetCustomerSegmentsQuery(UUID customerId) {

    public GetCustomerSegmentsQuery {
        Objects.requireNonNull(customerId, "customerId");
    }
}
