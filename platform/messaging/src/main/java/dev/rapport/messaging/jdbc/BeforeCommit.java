package dev.rapport.messaging.jdbc;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Items a JTA transaction gathers (writes to send together, say), handed in order to an action just before
 * the transaction commits; a transaction that rolls back drops them. The action runs inside the
 * transaction, so its statements commit with it, and a failure in it rolls the transaction back.
 */
public final class BeforeCommit<T> {

    private final TransactionSynchronizationRegistry transactions;
    private final Consumer<List<T>> action;

    public BeforeCommit(TransactionSynchronizationRegistry transactions, Consumer<List<T>> action) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.action = Objects.requireNonNull(action, "action");
    }

    /** Whether a transaction is active on this thread. */
    public boolean inTransaction() {
        return transactions.getTransactionKey() != null;
    }

    /**
     * The current transaction's items, to add to or take from, created on first use.
     *
     * @throws IllegalStateException when no transaction is active
     */
    public List<T> items() {
        if (!inTransaction()) {
            throw new IllegalStateException("no active transaction");
        }
        @SuppressWarnings("unchecked")
        List<T> items = (List<T>) transactions.getResource(this);
        if (items == null) {
            List<T> created = new ArrayList<>(4);
            transactions.putResource(this, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    int status = transactions.getTransactionStatus();
                    if (!created.isEmpty() && status != Status.STATUS_MARKED_ROLLBACK
                            && status != Status.STATUS_ROLLING_BACK && status != Status.STATUS_ROLLEDBACK) {
                        action.accept(created);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            items = created;
        }
        return items;
    }

    /** The current transaction's items if it gathered any, else an empty list (none created). */
    public List<T> itemsIfAny() {
        if (!inTransaction()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<T> items = (List<T>) transactions.getResource(this);
        return items == null ? List.of() : items;
    }
}
