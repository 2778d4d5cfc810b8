package dev.rapport.customer.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.rapport.customer.application.port.in.Page;
import dev.rapport.customer.application.port.in.PageRequest;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnKey;
import dev.rapport.customer.domain.purchase.Sku;

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

    /** Bulk lookup for imports: the stored purchases among {@code orderIds}. */
    Map<OrderId, Purchase> findByOrderIds(Collection<OrderId> orderIds);

    /**
     * Bulk form of {@link #add} for imports (batched writes).
     *
     * @throws dev.rapport.customer.domain.purchase.OrderIdConflictException when an order id was recorded concurrently
     */
    void addAll(List<Purchase> newPurchases);

    /**
     * The purchase a return of {@code quantity} units of {@code sku} belongs to when the client did not
     * say: the customer's most recent purchase at or before {@code notAfter} that still has that many
     * units of the SKU returnable.
     */
    Optional<OrderId> findReturnTarget(CustomerId customerId, Sku sku, int quantity, Instant notAfter);

    /** Whether any purchase of the customer already has a return with this key. */
    boolean hasReturnWithKey(CustomerId customerId, ReturnKey key);
}
