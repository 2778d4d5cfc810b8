package dev.rapport.segmentation.domain.kpi;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

import dev.rapport.kernel.Violations;

/** What acquiring customers through {@code channel} cost in {@code month}. */
public record AcquisitionSpend(String channel, YearMonth month, BigDecimal amount, String currency) {

    public AcquisitionSpend {
        Objects.requireNonNull(month, "month");
        Violations v = new Violations();
        if (channel == null || !channel.matches("[a-z0-9][a-z0-9_-]{0,49}")) {
            v.add("channel", "must be 1 to 50 lower-case letters, digits, '-' or '_'");
        }
        if (amount == null || amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("1e12")) >= 0) {
            v.add("amount", "must be a decimal from 0 to 999999999999.99 with at most 2 decimals");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            v.add("currency", "must be an ISO 4217 currency code like GBP");
        }
        v.throwIfAny();
    }
}
