package dev.rapport.customer.application.service.customer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.kernel.paging.Page;
import dev.rapport.customer.application.port.in.customer.SearchCustomersQuery;
import dev.rapport.customer.application.port.in.customer.SearchCustomersUseCase;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.customer.PhoneNumberNormaliser;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerSearchCriteria;
import dev.rapport.customer.domain.customer.EmailAddress;
import dev.rapport.customer.domain.customer.ExternalId;
import dev.rapport.customer.domain.customer.PhoneNumber;
import dev.rapport.customer.domain.customer.Tag;
import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.Violations;

/** Filters are normalised like stored values, so "Ada@Example.com " finds ada@example.com. */
@ApplicationScoped
public class SearchCustomersService implements SearchCustomersUseCase {

    private final CustomerRepository customers;
    private final PhoneNumberNormaliser phoneNumbers;

    SearchCustomersService(CustomerRepository customers, PhoneNumberNormaliser phoneNumbers) {
        this.customers = customers;
        this.phoneNumbers = phoneNumbers;
    }

    @Override
    public Page<Customer> search(SearchCustomersQuery query) {
        Violations violations = new Violations();
        String text = violations.check("q", () -> {
            if (query.text() != null && query.text().length() > CustomerSearchCriteria.TEXT_MAX) {
                throw new InvalidValueException("must be at most " + CustomerSearchCriteria.TEXT_MAX + " characters");
            }
            return query.text();
        });
        EmailAddress email = violations.optional("email", blankToNull(query.email()), EmailAddress::new);
        PhoneNumber phone = violations.optional("phone", blankToNull(query.phone()), phoneNumbers::normalise);
        Tag tag = violations.optional("tag", blankToNull(query.tag()), Tag::new);
        ExternalId externalId = violations.optional("externalId", blankToNull(query.externalId()), ExternalId::new);
        violations.throwIfAny();
        CustomerSearchCriteria criteria = new CustomerSearchCriteria(text, email, phone, tag, externalId,
                query.createdAfter());
        return customers.search(criteria, query.page());
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw;
    }
}
