package dev.rapport.loyalty.domain.account;

import java.util.Map;

import dev.rapport.kernel.ConflictException;

/** A debit larger than the available points (409, with what is available). */
public class InsufficientPointsException extends ConflictException {

    public InsufficientPointsException(long requested, long available) {
        super("insufficient-points", "Insufficient points",
                "requested " + requested + " points but only " + available + " are available",
                Map.of("requested", requested, "available", available));
    }
}
