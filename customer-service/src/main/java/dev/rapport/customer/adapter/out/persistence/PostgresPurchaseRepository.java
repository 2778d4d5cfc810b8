package dev.rapport.customer.adapter.out.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import io.quarkus.panache.common.Parameters;

import dev.rapport.customer.application.port.in.Page;
import dev.rapport.customer.application.port.in.PageCursor;
import dev.rapport.customer.application.port.in.PageRequest;
import dev.rapport.customer.application.port.out.PurchaseRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.OrderIdConflictException;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnKey;
import dev.rapport.customer.domain.purchase.ReturnKeyConflictException;
import dev.rapport.customer.domain.purchase.Sku;

/** Purchases and returns in PostgreSQL through Hibernate/Panache. */
@ApplicationScoped
public class PostgresPurchaseRepository implements PurchaseRepository {

    /** Most recent purchase of a customer, not after a time, with enough of one SKU not yet returned. */
    private static final String RETURN_TARGET = """
            SELECT p.order_id FROM purchase p
            WHERE p.customer_id = ?1 AND p.occurred_at <= ?2
              AND (SELECT coalesce(sum(l.quantity), 0) FROM purchase_line l WHERE l.purchase_id = p.id AND l.sku = ?3)
                - (SELECT coalesce(sum(rl.quantity), 0) FROM purchase_return r
                     JOIN purchase_return_line rl ON rl.return_id = r.id
                    WHERE r.purchase_id = p.id AND rl.sku = ?3) >= ?4
            ORDER BY p.occurred_at DESC, p.id DESC
            LIMIT 1""";

    @jakarta.inject.Inject
    BulkInserts bulk;

    @Override
    public Optional<Purchase> findByOrderId(OrderId orderId) {
        return PurchaseEntity.<PurchaseEntity>find("orderId", orderId.value())
                .firstResultOptional()
                .map(PurchaseMapper::toDomain);
    }

    @Override
    public Optional<Purchase> findByOrderIdForUpdate(OrderId orderId) {
        return PurchaseEntity.<PurchaseEntity>find("orderId", orderId.value())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .map(PurchaseMapper::toDomain);
    }

    @Override
    public void add(Purchase purchase) {
        try {
            PurchaseMapper.toRow(purchase).persist();
            PurchaseEntity.flush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.violatedConstraint(e).filter("purchase_order_id_key"::equals).isPresent()) {
                // Recorded concurrently by another request; a retry will find it and answer 200 or 409.
                throw new OrderIdConflictException(purchase.orderId(), null, "by a concurrent request; retry to get it");
            }
            throw e;
        }
    }

    @Override
    public void addReturn(Purchase purchase, PurchaseReturn purchaseReturn) {
        PurchaseEntity row = PurchaseEntity.findById(purchase.id().value());
        if (row == null) {
            throw new IllegalStateException("purchase " + purchase.id() + " is not stored");
        }
        PurchaseReturnEntity returnRow = PurchaseMapper.toRow(purchaseReturn, row);
        row.returns.add(returnRow);
        row.returnedAmount = purchase.returnedAmount().amount();
        try {
            returnRow.persist();
            PurchaseEntity.flush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.violatedConstraint(e).filter("purchase_return_key_key"::equals).isPresent()) {
                throw new ReturnKeyConflictException(purchaseReturn.key(), null);
            }
            throw e;
        }
    }

    @Override
    public Page<Purchase> listByCustomer(CustomerId customerId, PageRequest page) {
        Parameters params = Parameters.with("customerId", customerId.value());
        String query = "customerId = :customerId";
        if (page.after() != null) {
            query += " and (occurredAt < :afterTime or (occurredAt = :afterTime and id < :afterId))";
            params.and("afterTime", page.after().position()).and("afterId", page.after().id());
        }
        // range() is inclusive: limit + 1 rows, the extra one tells whether another page follows.
        List<PurchaseEntity> rows = PurchaseEntity.<PurchaseEntity>find(query + " order by occurredAt desc, id desc", params)
                .range(0, page.limit())
                .list();
        boolean more = rows.size() > page.limit();
        List<PurchaseEntity> pageRows = more ? rows.subList(0, page.limit()) : rows;
        PageCursor next = more ? new PageCursor(pageRows.getLast().occurredAt, pageRows.getLast().id) : null;
        return new Page<>(pageRows.stream().map(PurchaseMapper::toDomain).toList(), next);
    }

    @Override
    public Map<OrderId, Purchase> findByOrderIds(Collection<OrderId> orderIds) {
        Map<OrderId, Purchase> found = new HashMap<>();
        if (orderIds.isEmpty()) {
            return found;
        }
        PurchaseEntity.<PurchaseEntity>find("orderId in ?1", orderIds.stream().map(OrderId::value).toList())
                .list()
                .forEach(row -> {
                    Purchase purchase = PurchaseMapper.toDomain(row);
                    found.put(purchase.orderId(), purchase);
                });
        return found;
    }

    /** Batched JDBC insert (imports); a concurrent order id fails the whole batch, and the import retries it. */
    @Override
    public void addAll(List<Purchase> purchases) {
        PurchaseEntity.flush();
        bulk.purchases(purchases);
    }

    @Override
    public Optional<OrderId> findReturnTarget(CustomerId customerId, Sku sku, int quantity, Instant notAfter) {
        PurchaseEntity.flush();
        List<?> rows = PurchaseEntity.getEntityManager().createNativeQuery(RETURN_TARGET)
                .setParameter(1, customerId.value())
                .setParameter(2, notAfter)
                .setParameter(3, sku.value())
                .setParameter(4, quantity)
                .getResultList();
        return rows.stream().findFirst().map(id -> new OrderId((String) id));
    }

    @Override
    public boolean hasReturnWithKey(CustomerId customerId, ReturnKey key) {
        PurchaseEntity.flush();
        return PurchaseReturnEntity.count("purchase.customerId = ?1 and returnKey = ?2", customerId.value(), key.value()) > 0;
    }
}
