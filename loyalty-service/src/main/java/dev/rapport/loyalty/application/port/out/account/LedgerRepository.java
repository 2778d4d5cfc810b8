package dev.rapport.loyalty.application.port.out.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.loyalty.domain.account.EntryType;
import dev.rapport.loyalty.domain.account.LedgerEntry;
import dev.rapport.loyalty.domain.account.LedgerTotals;
import dev.rapport.loyalty.domain.account.PointLot;

/** The append-only ledger and the lots behind the balances. */
public interface LedgerRepository {

    void append(LedgerEntry entry);

    Page<LedgerEntry> page(UUID customerId, PageRequest request);

    boolean hasEntry(UUID customerId, EntryType type, String sourceId);

    /** Lots with points left. */
    List<PointLot> openLots(UUID customerId);

    Optional<PointLot> lotForOrder(UUID customerId, String orderId);

    void insertLot(PointLot lot);

    /** Stores remaining, returned amount and reversed points of each lot. */
    void updateLots(Collection<PointLot> lots);

    /** Hands every lot of {@code from} to {@code to} (a merge). */
    void moveLots(UUID from, UUID to);

    LedgerTotals totals(Collection<UUID> customerIds, Instant windowStart);
}
