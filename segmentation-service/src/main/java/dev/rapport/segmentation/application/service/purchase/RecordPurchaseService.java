package dev.rapport.segmentation.application.service.purchase;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.segmentation.application.port.in.purchase.RecordPurchaseCommand;
import dev.rapport.segmentation.application.port.in.purchase.RecordPurchaseUseCase;
import dev.rapport.segmentation.application.port.out.customer.CustomerFactsRepository;
import dev.rapport.segmentation.application.port.out.purchase.PurchaseFactsRepository;
import dev.rapport.segmentation.application.service.score.CustomerRescorer;
import dev.rapport.segmentation.domain.purchase.PurchaseAmount;
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
        recordAll(List.of(command));
    }

    @Override
    @Transactional
    public void recordAll(List<RecordPurchaseCommand> commands) {
        var run = rescorer.lockCurrentRun();
        // a purchase of a merged-away id belongs to the survivor; an unknown customer is created on the fly
        Map<UUID, UUID> resolved = customers.resolveAllOrCreate(
                commands.stream().map(RecordPurchaseCommand::customerId).distinct().toList());
        List<PurchaseFact> facts = commands.stream().map(c -> new PurchaseFact(c.purchaseId(),
                resolved.get(c.customerId()), c.orderId(), c.total(), c.currency(), c.occurredAt())).toList();
        // each customer's history with all its new purchases of this transaction
        Map<UUID, List<PurchaseAmount>> histories = facts.size() == 1
                ? purchases.addKeepingTotals(facts.get(0)).map(h -> Map.of(facts.get(0).customerId(), h)).orElse(Map.of())
                : purchases.addAllKeepingTotals(facts);
        rescorer.rescoreAll(run, histories, true);
    }
}
