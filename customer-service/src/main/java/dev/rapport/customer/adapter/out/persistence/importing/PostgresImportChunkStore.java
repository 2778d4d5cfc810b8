package dev.rapport.customer.adapter.out.persistence.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.rapport.customer.adapter.out.persistence.customer.CustomerEntity;
import dev.rapport.customer.application.port.out.customer.CustomerEventPublisher;
import dev.rapport.customer.application.port.out.importing.ImportChunkStore;
import dev.rapport.customer.domain.customer.Customer;
import dev.rapport.customer.domain.event.CustomerDomainEvent;
import dev.rapport.customer.domain.purchase.OrderId;
import dev.rapport.customer.domain.purchase.Purchase;
import dev.rapport.customer.domain.purchase.ReturnablePurchase;

/**
 * {@link ImportChunkStore} on PostgreSQL: one JTA transaction per chunk, its statements planned for
 * key lookups, rows written by binary COPY on the transaction's connection, and the chunk's events
 * turned into outbox rows while PostgreSQL stores the purchase lines, so the two largest pieces of a
 * chunk's work run side by side instead of taking turns.
 */
@ApplicationScoped
public class PostgresImportChunkStore implements ImportChunkStore {

    private final AgroalDataSource dataSource;
    private final CustomerBulkJdbc customers;
    private final PurchaseBulkJdbc purchases;
    private final CustomerEventPublisher events;

    PostgresImportChunkStore(AgroalDataSource dataSource, CustomerBulkJdbc customers, PurchaseBulkJdbc purchases,
                             CustomerEventPublisher events) {
        this.dataSource = dataSource;
        this.customers = customers;
        this.purchases = purchases;
        this.events = events;
    }

    @Override
    public void write(Consumer<OpenChunk> work) {
        QuarkusTransaction.requiringNew().run(() -> {
            planForKeyLookups();
            Chunk chunk = new Chunk();
            work.accept(chunk);
            chunk.publishPending();
        });
    }

    /**
     * Every statement of a chunk reaches a few rows by key, and an import grows its tables by
     * thousands of rows a second, far faster than autovacuum re-analyses them. PostgreSQL's own
     * foreign-key checks (purchase -> customer, return -> purchase, return line -> return) keep, per
     * session, the plan they made when first used: made while a referenced table was nearly empty (a
     * new database, an import's first chunks) it was a sequential scan and stayed one, measured at
     * 2.1 s instead of 0.1 s for the return lines' checks of one import; the return-candidate lookup
     * likewise scanned purchase_line whole (0.5 s per chunk). Plans made in a chunk's transaction
     * therefore never scan a whole table; the setting ends with the transaction.
     */
    private void planForKeyLookups() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement set = connection.prepareStatement("SELECT set_config('enable_seqscan', 'off', true)")) {
            set.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("configuring an import transaction failed: " + e.getMessage(), e);
        }
    }

    /** One chunk's transaction; its events wait here until the chunk's rows are written. */
    private final class Chunk implements OpenChunk {

        private List<CustomerDomainEvent> pending = new ArrayList<>();
        /** Events already turned into outbox rows (while the lines were stored); they precede {@link #pending}. */
        private CustomerEventPublisher.Prepared prepared;

        @Override
        public Map<OrderId, Purchase> purchasesByOrderId(Collection<OrderId> orderIds) {
            return purchases.findByOrderIds(orderIds);
        }

        @Override
        public Set<CustomerReturnKey> recordedReturnKeys(Collection<CustomerReturnKey> keys) {
            return purchases.findReturnKeys(keys);
        }

        @Override
        public List<ReturnablePurchase> lockReturnCandidates(Collection<ReturnSearch> wanted) {
            return purchases.lockReturnCandidates(wanted);
        }

        @Override
        public void addCustomers(List<Customer> added) {
            if (!added.isEmpty()) {
                CustomerEntity.flush(); // customers updated through the session first, as the chunk changed them
                customers.customers(added);
            }
        }

        @Override
        public void addPurchases(List<Purchase> added) {
            if (prepared != null || pending.isEmpty()) {
                purchases.addAll(added, () -> { });
                return;
            }
            List<CustomerDomainEvent> toPrepare = pending;
            pending = new ArrayList<>();
            purchases.addAll(added, () -> prepared = events.prepare(toPrepare));
        }

        @Override
        public void addReturns(List<AddedReturn> added) {
            purchases.addReturns(added);
        }

        @Override
        public void publish(List<CustomerDomainEvent> raised) {
            pending.addAll(raised);
        }

        void publishPending() {
            if (prepared != null) {
                events.publishAll(prepared, pending);
            } else if (!pending.isEmpty()) {
                events.publishAll(pending);
            }
        }
    }
}
