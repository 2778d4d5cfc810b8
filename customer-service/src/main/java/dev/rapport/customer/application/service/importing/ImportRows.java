package dev.rapport.customer.application.service.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import dev.rapport.customer.domain.importing.SkippedRow;

/** What a source record means once mapped: a customer, maybe one purchase (or return) line. */
final class ImportRows {

    private ImportRows() {
    }

    /** A row in file order: either usable or skipped before touching the database. */
    sealed interface Item permits Row, Skip {
        long line();
    }

    /**
     * {@code purchase} null: a customer-only row. {@code purchaseSkip} set: the customer part applies
     * but the line is skipped (e.g. quantity 0), so the row still counts as skipped.
     */
    record Row(long line, String externalId, Map<String, String> customerFields, Map<String, String> attributes,
               Line purchase, SkippedRow purchaseSkip) implements Item {
    }

    record Skip(SkippedRow skipped) implements Item {
        @Override
        public long line() {
            return skipped.line();
        }
    }

    /** One purchase line; {@code isReturn} for a cancellation (quantity then is the returned units). */
    record Line(String orderId, boolean isReturn, String sku, String description, int quantity, BigDecimal unitPrice,
                Instant occurredAt, String currency) {
    }
}
