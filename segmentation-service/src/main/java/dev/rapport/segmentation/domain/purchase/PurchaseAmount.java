package dev.rapport.segmentation.domain.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** When a recorded purchase occurred and its total: all that scoring, totals and spend windows read of it. */
public record PurchaseAmount(Instant occurredAt, BigDecimal total) {

    public PurchaseAmount {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(total, "total");
    }
}
