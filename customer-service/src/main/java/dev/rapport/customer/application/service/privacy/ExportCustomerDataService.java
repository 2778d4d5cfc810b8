package dev.rapport.customer.application.service.privacy;

import dev.rapport.customer.application.service.Clocks;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.customer.application.port.in.privacy.ExportCustomerDataUseCase;
import dev.rapport.customer.application.port.in.privacy.PersonalDataExport;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.privacy.PersonalDataSection;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;

/** GDPR access/portability: the sections side by side, read in one transaction so they agree. */
@ApplicationScoped
public class ExportCustomerDataService implements ExportCustomerDataUseCase {

    private final CustomerRepository customers;
    private final PersonalDataSections sections;
    private final Clock clock;

    public ExportCustomerDataService(CustomerRepository customers, PersonalDataSections sections, Clock clock) {
        this.customers = customers;
        this.sections = sections;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PersonalDataExport export(UUID customerId) {
        CustomerId id = new CustomerId(customerId);
        Customer customer = customers.findById(id).orElseThrow(() -> new CustomerNotFoundException(id.toString()));
        customer.requireNotErased();
        Map<String, Object> content = new LinkedHashMap<>();
        for (PersonalDataSection section : sections.all()) {
            content.put(section.name(), section.export(id));
        }
        return new PersonalDataExport(customerId, Clocks.now(clock), PersonalDataExport.FORMAT, content);
    }
}
