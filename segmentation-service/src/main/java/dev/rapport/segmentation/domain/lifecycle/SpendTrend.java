package dev.rapport.segmentation.domain.lifecycle;

import java.math.BigDecimal;
import java.util.Objects;

/** Counting purchase value in the window before asOf ({@code recent}) and in the window before that. */
public record SpendTrend(BigDecimal recent, BigDecimal previous) {

    public static final SpendTrend NONE = new SpendTrend(BigDecimal.ZERO, BigDecimal.ZERO);

    public SpendTrend {
        Objects.requireNonNull(recent, "recent");
        Objects.requireNonNull(previous, "previous");
    }
}
