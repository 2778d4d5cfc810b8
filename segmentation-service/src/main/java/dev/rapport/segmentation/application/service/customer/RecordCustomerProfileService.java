package dev.rapport.segmentation.application.service.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.segmentation.application.port.in.customer.RecordCustomerProfileCommand;
import dev.rapport.segmentation.application.port.in.customer.RecordCustomerProfileUseCase;
import dev.rapport.segmentation.application.port.out.customer.CustomerFactsRepository;

@ApplicationScoped
public class RecordCustomerProfileService implements RecordCustomerProfileUseCase {

    private final CustomerFactsRepository customers;

    public RecordCustomerProfileService(CustomerFactsRepository customers) {
        this.customers = customers;
    }

    @Override
    @Transactional
    public void record(RecordCustomerProfileCommand command) {
        customers.recordProfile(customers.resolve(command.customerId()), command.externalId(),
                command.acquisitionChannel(), command.registeredAt());
    }
}
