package dev.rapport.feedback.application.service.customer;

import dev.rapport.feedback.application.port.in.customer.RecordCustomerClassCommand;
import dev.rapport.feedback.application.port.in.customer.RecordCustomerClassUseCase;
import dev.rapport.feedback.application.port.out.customer.CustomerClassRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Objects;

@ApplicationScoped
public class RecordCustomerClassService implements RecordCustomerClassUseCase {

    private final CustomerClassRepository classes;

    public RecordCustomerClassService(CustomerClassRepository classes) {
        this.classes = classes;
    }

    @Override
    @Transactional
    public void record(RecordCustomerClassCommand c) {
        if (c.customerId() == null || c.kind() == null || c.value() == null || c.value().isBlank()
                || c.value().length() > 50) {
            // Never valid: the consumer sends it to the dead-letter topic.
            throw new IllegalArgumentException("class event without customer or with a missing or oversized value");
        }
        Instant at = Objects.requireNonNullElse(c.at(), Instant.EPOCH);
        switch (c.kind()) {
            case ABC_CLASS -> classes.recordAbcClass(c.customerId(), c.value().strip(), at);
            case LOYALTY_TIER -> classes.recordLoyaltyTier(c.customerId(), c.value().strip(), at);
        }
    }
}
