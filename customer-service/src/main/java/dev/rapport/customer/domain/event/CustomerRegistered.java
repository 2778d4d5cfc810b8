package dev.rapport.customer.domain.event;

import java.time.Instant;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerProfile;
import dev.rapport.customer.domain.customer.ReferralCode;

public record CustomerRegistered(CustomerId customerId, CustomerProfile profile, ReferralCode referralCode,
                                 Instant registeredAt) implements CustomerDomainEvent {

    @Override
    public Instant occurredAt() {
        return registeredAt;
    }
}
