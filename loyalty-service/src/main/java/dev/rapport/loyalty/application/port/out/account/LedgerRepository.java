package dev.rapport.loyalty.application.port.out.account;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    default void appendAll(List<LedgerEntry> entries) {
        entries.forEach(this::append);
    }

    /** An order of an account. */
    record OrderKey(UUID customerId, String orderId) {
    }

    /**
     * Those of {@code orders} whose account holds a lot for the order, one statement. Every earn creates a
     * lot on the account it earns on, and lots leave an account only when it is merged away, so for an
     * active account these are exactly the orders it already earned (the earn entry's unique index stays
     * the last guard).
     */
    default Set<OrderKey> earnedOrders(Collection<OrderKey> orders) {
        Set<OrderKey> earned = new HashSet<>();
        for (OrderKey order : orders) {
            if (lotForOrder(order.customerId(), order.orderId()).isPresent()) {
                earned.add(order);
            }
        }
        return earned;
    }

    /** Those of {@code customerIds} holding points past their expiry date at {@code now}. */
    default Set<UUID> withExpiryDue(Collection<UUID> customerIds, Instant now) {
        Set<UUID> due = new HashSet<>();
        for (UUID id : customerIds) {
            if (openLots(id).stream().anyMatch(l -> l.isExpiredAt(now))) {
                due.add(id);
            }
        }
        return due;
    }

    /**
     * Points earned since {@code windowStart} per account of {@code owners}, the accounts merged into
     * each included (the tier's qualifying points, never negative), in one statement.
     */
    Map<UUID, Long> qualifyingPoints(Collection<UUID> owners, Instant windowStart);

    /**
     * Those accounts of {@code needed} whose qualifying points since {@code windowStart} (as
     * {@link #qualifyingPoints}) reach the amount given for them.
     */
    default Set<UUID> reaching(Map<UUID, Long> needed, Instant windowStart) {
        Map<UUID, Long> points = qualifyingPoints(needed.keySet(), windowStart);
        Set<UUID> reaching = new HashSet<>();
        needed.forEach((id, amount) -> {
            if (points.getOrDefault(id, 0L) >= amount) {
                reaching.add(id);
            }
        });
        return reaching;
    }

    Page<LedgerEntry> page(UUID customerId, PageRequest request);

    boolean hasEntry(UUID customerId, EntryType type, String sourceId);

    /** An entry's source on an account: an order id, a return key. */
    record SourceKey(UUID customerId, String sourceId) {
    }

    /** Those of {@code sources} with an entry of {@code type} ({@link #hasEntry} for several, one statement). */
    default Set<SourceKey> withEntry(EntryType type, Collection<SourceKey> sources) {
        Set<SourceKey> found = new HashSet<>();
        for (SourceKey source : sources) {
            if (hasEntry(source.customerId(), type, source.sourceId())) {
                found.add(source);
            }
        }
        return found;
    }

    /** Lots with points left. */
    List<PointLot> openLots(UUID customerId);

    /** {@link #openLots} of several accounts, one statement; an account without any is left out. */
    default Map<UUID, List<PointLot>> openLotsOf(Collection<UUID> customerIds) {
        Map<UUID, List<PointLot>> lots = new HashMap<>();
        for (UUID id : customerIds) {
            List<PointLot> open = openLots(id);
            if (!open.isEmpty()) {
                lots.put(id, open);
            }
        }
        return lots;
    }

    Optional<PointLot> lotForOrder(UUID customerId, String orderId);

    /** {@link #lotForOrder} for several orders, one statement; an order without a lot is left out. */
    default Map<OrderKey, PointLot> lotsForOrders(Collection<OrderKey> orders) {
        Map<OrderKey, PointLot> lots = new HashMap<>();
        for (OrderKey order : orders) {
            lotForOrder(order.customerId(), order.orderId()).ifPresent(lot -> lots.put(order, lot));
        }
        return lots;
    }

    void insertLot(PointLot lot);

    default void insertLots(List<PointLot> lots) {
        lots.forEach(this::insertLot);
    }

    /** Stores remaining, returned amount and reversed points of each lot. */
    void updateLots(Collection<PointLot> lots);

    /** Hands every lot of {@code from} to {@code to} (a merge). */
    void moveLots(UUID from, UUID to);

    LedgerTotals totals(Collection<UUID> customerIds, Instant windowStart);
}
