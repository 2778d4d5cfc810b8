package dev.rapport.customer.application.port.out.importing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.event.CustomerDomainEvent;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseId;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnKey;
import dev.rapport.customer.domain.purchase.ReturnablePurchase;
import dev.rapport.customer.domain.purchase.Sku;

/**
 * Stores one chunk of a bulk import (new customers, purchases, returns and their events) in one
 * transaction, set-based: each read and write is a fixed number of statements for the whole chunk,
 * however many rows it holds. How that is made fast (COPY, the database working while Java does,
 * planner settings) is the store's business; the caller only says what the chunk holds.
 */
public interface ImportChunkStore {

    /**
     * Runs {@code work} in one new transaction and commits everything stored in it, through this
     * store or other ports (the job's checkpoint), or nothing when {@code work} or a write fails.
     * {@link OpenChunk} is valid only while {@code work} runs.
     */
    void write(Consumer<OpenChunk> work);

    /** The chunk being written: what it reads and stores. Writes are visible to its later reads. */
    interface OpenChunk {

        /** The stored purchases among {@code orderIds}, whole. */
        Map<OrderId, Purchase> purchasesByOrderId(Collection<OrderId> orderIds);

        /** Which of these (customer, return key) pairs already have a return on one of the customer's purchases. */
        Set<CustomerReturnKey> recordedReturnKeys(Collection<CustomerReturnKey> keys);

        /**
         * What remains returnable, of the searched SKUs, of every stored purchase of a searched customer
         * that contains the SKU and occurred at or before the search's {@code notAfter} (this chunk's
         * purchases included). Locked until the transaction ends, so returns against them queue up.
         * A candidate may hold more SKUs or purchases than its own search needs, never fewer.
         */
        List<ReturnablePurchase> lockReturnCandidates(Collection<ReturnSearch> wanted);

        /** New customers; a concurrently stored duplicate fails the chunk. */
        void addCustomers(List<Customer> customers);

        /** New purchases with their lines; an order id stored concurrently fails the chunk. */
        void addPurchases(List<Purchase> purchases);

        /** Returns recorded on stored purchases; each adds its amount and one version to its purchase. */
        void addReturns(List<AddedReturn> returns);

        /** Events of what the chunk stores, published in this order when (and only if) it commits. */
        void publish(List<CustomerDomainEvent> events);
    }

    record CustomerReturnKey(CustomerId customerId, ReturnKey key) {
    }

    record ReturnSearch(CustomerId customerId, Sku sku, Instant notAfter) {
    }

    record AddedReturn(PurchaseId purchaseId, PurchaseReturn purchaseReturn) {
    }
}
