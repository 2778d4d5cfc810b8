package dev.rapport.segmentation.domain.score;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Key-account layering. With T the total monetary of all n customers and {@code above} the monetary of all
 * customers with a strictly greater monetary: A if above &lt; 0.80·T, B if 0.80·T ≤ above &lt; 0.95·T, C
 * otherwise. Exact decimal comparison.
 */
public enum AbcClass {
    A, B, C;

    /** Share of T below which the monetary above a customer makes it an A. */
    public static final BigDecimal A_LIMIT = new BigDecimal("0.80");
    /** Share of T below which the monetary above a customer makes it a B. */
    public static final BigDecimal B_LIMIT = new BigDecimal("0.95");

    public static AbcClass of(BigDecimal above, BigDecimal total) {
        Objects.requireNonNull(above, "above");
        Objects.requireNonNull(total, "total");
        if (above.compareTo(A_LIMIT.multiply(total)) < 0) {
            return A;
        }
        if (above.compareTo(B_LIMIT.multiply(total)) < 0) {
            return B;
        }
        return C;
    }
}
