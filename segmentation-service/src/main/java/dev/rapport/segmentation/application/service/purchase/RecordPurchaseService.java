package dev.rapport.segmentation.application.service.purchase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.segmentation.application.port.in.purchase.RecordPurchaseCommand;
import dev.rapport.segmentation.application.port.in.purchase.RecordPurchaseUseCase;
import dev.rapport.segmentation.application.port.out.customer.CustomerFactsRepository;
import dev.rapport.segmentation.application.port.out.purchase.PurchaseFactsRepository;
import dev.rapport.segmentation.application.service.score.CustomerRescorer;
import dev.rapport.segmentation.domain.purchase.PurchaseFact;

@ApplicationScoped
public class RecordPurchaseService implements RecordPurchaseUseCase {

    private final CustomerFactsRepository customers;
    private final PurchaseFactsRepository purchases;
    private final CustomerRescorer rescorer;

    public RecordPurchaseService(CustomerFactsRepository customers, PurchaseFactsRepository purchases,
            CustomerRescorer rescorer) {
        this.customers = customers;
        this.purchases = purchases;
        this.rescorer = rescorer;
    }

    @Override
    @Transactional
    public void record(RecordPurchaseCommand command) {
        // a purchase of a merged-away id belongs to the survivor; an unknown customer is created on the fly
        var run = rescorer.lockCurrentRun();
        var customerId = customers.resolveOrCreate(command.customerId());
        purchases.addKeepingTotals(new PurchaseFact(command.purchaseId(), customerId, command.orderId(),
                command.total(), command.currency(), command.occurredAt()))
                .ifPresent(history -> rescorer.rescore(run, customerId, history, true));
    }
}
