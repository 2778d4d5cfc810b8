package dev.rapport.customer.application.port.out.purchase;

import java.util.List;
import java.util.Optional;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseReturn;

/** Where purchases and their returns are kept. Writes join the caller's transaction. */
public interface PurchaseRepository {

    Optional<Purchase> findByOrderId(OrderId orderId);

    /** Reads and locks the purchase until the transaction ends, so returns against it queue up. */
    Optional<Purchase> findByOrderIdForUpdate(OrderId orderId);

    /**
     * @throws dev.rapport.customer.domain.purchase.OrderIdConflictException when the order id was recorded
     *         concurrently
     */
    void add(Purchase purchase);

    void addReturn(Purchase purchase, PurchaseReturn purchaseReturn);

    /** Newest first by (occurredAt, id). */
    Page<Purchase> listByCustomer(CustomerId customerId, PageRequest page);
}
