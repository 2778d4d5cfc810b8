package dev.rapport.customer.application.port.in.purchase;

public interface RecordPurchaseUseCase {

    /**
     * Records a purchase once per order id; repeating the same order returns the stored purchase.
     *
     * @throws dev.rapport.customer.domain.customer.CustomerNotFoundException unknown customer
     * @throws dev.rapport.kernel.InvalidInputException invalid fields
     * @throws dev.rapport.customer.domain.purchase.OrderIdConflictException the order id is taken by a different purchase
     */
    RecordedPurchase record(RecordPurchaseCommand command);
}
