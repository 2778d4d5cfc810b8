package dev.rapport.segmentation.domain.score;

import dev.rapport.kernel.DomainException;

/** The service has heard nothing about this customer (no event names it). */
public class CustomerNotScoredException extends DomainException {

    public CustomerNotScoredException(String id) {
        super("No customer " + id + " is known to segmentation.");
    }
}
