package dev.rapport.customer.domain.event;

import java.time.Instant;

import dev.rapport.customer.domain.customer.CustomerId;

/** Something that happened to a customer, raised by an aggregate; key of ordering is the customer. */
public sealed interface CustomerDomainEvent permits CustomerRegistered, CustomerUpdated, PurchaseRecorded,
        PurchaseReturned,
        ConsentChanged, InteractionLogged, CustomersMerged {

    CustomerId customerId();

    Instant occurredAt();
}
