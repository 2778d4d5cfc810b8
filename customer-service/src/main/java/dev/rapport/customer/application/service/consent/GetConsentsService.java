package dev.rapport.customer.application.service.consent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.consent.GetConsentsUseCase;
import dev.rapport.customer.application.port.out.consent.ConsentRepository;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.domain.consent.ConsentRecord;
import dev.rapport.customer.domain.consent.ConsentState;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;

@ApplicationScoped
public class GetConsentsService implements GetConsentsUseCase {

    private final CustomerRepository customers;
    private final ConsentRepository consents;

    GetConsentsService(CustomerRepository customers, ConsentRepository consents) {
        this.customers = customers;
        this.consents = consents;
    }

    @Override
    public ConsentState current(UUID customerId) {
        return ConsentState.of(historyOf(customerId));
    }

    @Override
    public List<ConsentRecord> history(UUID customerId) {
        List<ConsentRecord> newestFirst = new ArrayList<>(historyOf(customerId));
        // Reverse first, then a stable sort by capturedAt: equal capture times keep "recorded last first".
        java.util.Collections.reverse(newestFirst);
        newestFirst.sort(Comparator.comparing(ConsentRecord::capturedAt).reversed());
        return newestFirst;
    }

    private List<ConsentRecord> historyOf(UUID rawId) {
        CustomerId id = new CustomerId(rawId);
        if (!customers.exists(id)) {
            throw new CustomerNotFoundException(id.toString());
        }
        return consents.historyOf(id);
    }
}
