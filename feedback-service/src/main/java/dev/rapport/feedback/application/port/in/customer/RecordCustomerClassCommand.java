package dev.rapport.feedback.application.port.in.customer;

import java.time.Instant;
import java.util.UUID;

/** A customer's new ABC class or loyalty tier ({@code value}), effective {@code at}. */
public record RecordCustomerClassCommand(UUID customerId, Kind kind, String value, Instant at) {

    public enum Kind { ABC_CLASS, LOYALTY_TIER }
}
