package dev.rapport.segmentation.application.port.out.purchase;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.segmentation.domain.purchase.CustomerTotals;
import dev.rapport.segmentation.domain.purchase.PurchaseAmount;
import dev.rapport.segmentation.domain.purchase.PurchaseFact;
import dev.rapport.segmentation.domain.purchase.ReturnFact;

/** Every purchase and return, once per id. */
public interface PurchaseFactsRepository {

    /**
     * Stores a purchase and, when it is new, keeps the customer's lifetime totals as {@link #keepTotals} with
     * {@link CustomerTotals#of} its purchases would. @return the customer's purchases with this one, in
     * {@link #purchasesOf} order; empty if this purchase id was already stored (a redelivery: nothing changes)
     */
    Optional<List<PurchaseAmount>> addKeepingTotals(PurchaseFact purchase);

    /**
     * {@link #addKeepingTotals} for several purchases at once (a poll's run of purchases); an id already stored,
     * or repeated in {@code purchases}, is skipped after its first time. @return for each customer with a new
     * purchase, its purchases with the new ones in {@link #purchasesOf} order; customers in the order of their
     * first new purchase in {@code purchases}
     */
    Map<UUID, List<PurchaseAmount>> addAllKeepingTotals(List<PurchaseFact> purchases);

    /** Many at once (bulk loads); ids already stored are skipped. @return how many were new */
    int addAll(List<PurchaseFact> purchases);

    /** Stores returns, in one statement; an id already stored, or repeated in {@code returns}, is skipped. */
    void addReturns(List<ReturnFact> returns);

    /** The customer's purchases, oldest first. */
    List<PurchaseAmount> purchasesOf(UUID customerId);

    /** Stores the customer's lifetime totals ({@code null}: no counting purchase, the row goes). */
    void keepTotals(UUID customerId, CustomerTotals totals);
}
