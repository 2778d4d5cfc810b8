package dev.rapport.customer.application.port.in.purchase;

public interface RecordReturnUseCase {

    /**
     * @throws dev.rapport.customer.domain.purchase.PurchaseNotFoundException no such purchase of this customer
     * @throws dev.rapport.kernel.InvalidInputException malformed return
     * @throws dev.rapport.customer.domain.purchase.ReturnNotPossibleException the purchase does not allow it
     * @throws dev.rapport.customer.domain.purchase.ReturnKeyConflictException key reused for a different return
     */
    RecordedReturn recordReturn(RecordReturnCommand command);
}
