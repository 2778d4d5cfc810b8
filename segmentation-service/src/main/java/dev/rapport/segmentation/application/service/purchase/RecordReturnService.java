package dev.rapport.segmentation.application.service.purchase;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.segmentation.application.port.in.purchase.RecordReturnCommand;
import dev.rapport.segmentation.application.port.in.purchase.RecordReturnUseCase;
import dev.rapport.segmentation.application.port.out.customer.CustomerFactsRepository;
import dev.rapport.segmentation.application.port.out.purchase.PurchaseFactsRepository;
import dev.rapport.segmentation.domain.purchase.ReturnFact;

/**
 * Returns are kept apart and do not change R, F or M. A return may arrive before its purchase (out of order):
 * it is stored all the same, keyed by the return id.
 */
@ApplicationScoped
public class RecordReturnService implements RecordReturnUseCase {

    private final CustomerFactsRepository customers;
    private final PurchaseFactsRepository purchases;

    public RecordReturnService(CustomerFactsRepository customers, PurchaseFactsRepository purchases) {
        this.customers = customers;
        this.purchases = purchases;
    }

    @Override
    @Transactional
    public void record(RecordReturnCommand command) {
        recordAll(List.of(command));
    }

    @Override
    @Transactional
    public void recordAll(List<RecordReturnCommand> commands) {
        Map<UUID, UUID> resolved = customers.resolveAllOrCreate(
                commands.stream().map(RecordReturnCommand::customerId).distinct().toList());
        purchases.addReturns(commands.stream().map(c -> new ReturnFact(c.returnId(), c.purchaseId(),
                resolved.get(c.customerId()), c.amount(), c.currency(), c.occurredAt())).toList());
    }
}
