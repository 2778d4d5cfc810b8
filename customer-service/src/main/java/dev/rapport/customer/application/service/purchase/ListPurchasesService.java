package dev.rapport.customer.application.service.purchase;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.rapport.customer.application.port.in.purchase.ListPurchasesUseCase;
import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.application.port.out.customer.CustomerRepository;
import dev.rapport.customer.application.port.out.purchase.PurchaseRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.customer.CustomerNotFoundException;
import dev.rapport.customer.domain.purchase.Purchase;

@ApplicationScoped
public class ListPurchasesService implements ListPurchasesUseCase {

    private final CustomerRepository customers;
    private final PurchaseRepository purchases;

    ListPurchasesService(CustomerRepository customers, PurchaseRepository purchases) {
        this.customers = customers;
        this.purchases = purchases;
    }

    @Override
    public Page<Purchase> list(UUID customerId, PageRequest page) {
        CustomerId id = new CustomerId(customerId);
        if (!customers.exists(id)) {
            throw new CustomerNotFoundException(id.toString());
        }
        return purchases.listByCustomer(id, page);
    }
}
