package dev.rapport.segmentation.domain.clv;

/**
 * The lifetime-value settings: the annual discount rate of future revenue; the base is "sufficient" for the
 * models with at least {@code minRepeatCustomers} repeat customers and {@code minHistoryDays} of history; the
 * fallback assumes {@code fallbackCadenceDays} between purchases for a one-time buyer.
 */
public record ClvPolicy(double annualDiscountRate, int minRepeatCustomers, int minHistoryDays, int fallbackCadenceDays) {

    public ClvPolicy {
        if (annualDiscountRate < 0 || annualDiscountRate > 1 || minRepeatCustomers < 1 || minHistoryDays < 1
                || fallbackCadenceDays < 1) {
            throw new IllegalArgumentException("invalid lifetime-value settings");
        }
    }
}
