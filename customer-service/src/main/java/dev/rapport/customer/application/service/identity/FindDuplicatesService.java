package dev.rapport.customer.application.service.identity;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.identity.FindDuplicatesUseCase;
import dev.rapport.customer.application.port.in.identity.LikelyDuplicate;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.identity.DuplicateFinder;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.identity.DuplicateReason;

@ApplicationScoped
public class FindDuplicatesService implements FindDuplicatesUseCase {

    private static final Comparator<LikelyDuplicate> MOST_LIKELY_FIRST =
            Comparator.comparingDouble(LikelyDuplicate::score).reversed()
                    .thenComparing(d -> d.customer().createdAt())
                    .thenComparing(d -> d.customer().id());

    private final CustomerRepository customers;
    private final DuplicateFinder finder;

    FindDuplicatesService(CustomerRepository customers, DuplicateFinder finder) {
        this.customers = customers;
        this.finder = finder;
    }

    @Override
    public List<LikelyDuplicate> find(UUID customerId) {
        Customer customer = customers.findById(new CustomerId(customerId))
                .orElseThrow(() -> new CustomerNotFoundException(customerId.toString()));
        return finder.findLikelyDuplicates(customer, LIMIT).stream()
                .map(match -> {
                    List<DuplicateReason> reasons = match.reasons().stream().sorted().toList();
                    return new LikelyDuplicate(match.customer(), reasons, DuplicateReason.score(reasons));
                })
                .sorted(MOST_LIKELY_FIRST)
                .toList();
    }
}
