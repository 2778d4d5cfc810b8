package dev.rapport.customer.application.port.out.consent;

import java.util.List;

import dev.rapport.customer.domain.consent.ConsentRecord;
import dev.rapport.customer.domain.customer.CustomerId;

/** Append-only store of consent statements. Writes join the caller's transaction. */
public interface ConsentRepository {

    void append(ConsentRecord record);

    /** Every record of the customer in the order they were appended, oldest first. */
    List<ConsentRecord> historyOf(CustomerId customerId);
}
