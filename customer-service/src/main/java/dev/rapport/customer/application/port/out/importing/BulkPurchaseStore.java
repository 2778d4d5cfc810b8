package dev.rapport.customer.application.port.out.importing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnKey;
import dev.rapport.customer.domain.purchase.Sku;

/**
 * Purchases and returns for imports, set-based: every method is a fixed number of statements for a
 * whole chunk, however many rows it holds, so an import never costs a round trip (or an ORM flush)
 * per row. Joins the caller's transaction; what it writes is visible to its later reads.
 */
public interface BulkPurchaseStore {

    /**
     * Called first in every transaction that writes an import chunk: the database plans what runs in
     * it, its own integrity checks included, for the tables as they are at that moment.
     */
    void startChunkTransaction();

    /** The stored purchases among {@code orderIds}, with their lines and returns. */
    Map<OrderId, Purchase> findByOrderIds(Collection<OrderId> orderIds);

    /** Which of these (customer, return key) pairs already have a return on one of the customer's purchases. */
    Set<CustomerReturnKey> findReturnKeys(Collection<CustomerReturnKey> keys);

    /**
     * Reads and locks (until the transaction ends, so returns against them queue up) every stored
     * purchase of {@code wanted}'s customer that contains its SKU and occurred at or before its
     * {@code notAfter}: the candidates among which the domain picks return targets. They are partial
     * ({@link Purchase#restoreForReturns}): each holds its lines of the searched SKUs (of all of
     * {@code wanted}, not only its customer's) and the return lines of those, nothing else, which is
     * all that matching and recording returns of these SKUs needs; totals and the full lists refuse.
     */
    List<Purchase> lockReturnCandidates(Collection<ReturnSearch> wanted);

    /**
     * Stores new purchases with their lines (no returns yet). An order id recorded concurrently fails
     * the call (and so the caller's transaction, which an import then retries from what is stored).
     */
    default void addAll(List<Purchase> purchases) {
        addAll(purchases, () -> { });
    }

    /**
     * As {@link #addAll(List)}, running {@code meanwhile} while the database stores the lines (the
     * bulk of the rows), so that work and the database's overlap. {@code meanwhile} runs exactly once,
     * also for no purchases, and must not use the database: the transaction's connection is busy. When
     * it throws, nothing of the purchases is stored and the exception propagates.
     */
    void addAll(List<Purchase> purchases, Runnable meanwhile);

    /**
     * Stores returns registered on stored purchases (whole or partial ones), adds their amounts to
     * each purchase's stored returned amount and one version per return.
     */
    void addReturns(List<AddedReturn> returns);

    record CustomerReturnKey(CustomerId customerId, ReturnKey key) {
    }

    record ReturnSearch(CustomerId customerId, Sku sku, Instant notAfter) {
    }

    record AddedReturn(Purchase purchase, PurchaseReturn purchaseReturn) {
    }
}
