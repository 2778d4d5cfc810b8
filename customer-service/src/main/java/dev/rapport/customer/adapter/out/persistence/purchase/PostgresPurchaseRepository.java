package dev.rapport.customer.adapter.out.persistence.purchase;

import dev.rapport.customer.adapter.out.persistence.UniqueConstraints;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import io.quarkus.panache.common.Parameters;

import dev.rapport.kernel.paging.Page;
import dev.rapport.kernel.paging.PageCursor;
import dev.rapport.kernel.paging.PageRequest;
import dev.rapport.customer.application.port.out.purchase.PurchaseRepository;
import dev.rapport.customer.domain.customer.CustomerId;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.OrderIdConflictException;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.PurchaseReturn;
import dev.rapport.customer.domain.purchase.ReturnKeyConflictException;

/** Purchases and returns in PostgreSQL through Hibernate/Panache. */
@ApplicationScoped
public class PostgresPurchaseRepository implements PurchaseRepository {

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
}
