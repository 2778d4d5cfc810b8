package dev.rapport.segmentation.domain.clv;

import java.util.List;
import java.util.Objects;

/**
 * The fitted models of one run, or none when the base is too small ({@code sufficientData} false: the
 * rule-based fallback applies).
 */
public record ClvModel(BgNbdModel purchases, GammaGammaModel spend, boolean sufficientData, int repeatCustomers,
        long historyDays) {

    public ClvModel {
        if (sufficientData) {
            Objects.requireNonNull(purchases, "purchases");
            Objects.requireNonNull(spend, "spend");
        }
    }

    public static ClvModel insufficient(int repeatCustomers, long historyDays) {
        return new ClvModel(null, null, false, repeatCustomers, historyDays);
    }

    /** Fits both models when the base is large enough for them. */
    public static ClvModel fit(List<CustomerHistory> histories, long historyDays, ClvPolicy policy) {
        int repeat = (int) histories.stream().filter(h -> h.x() > 0).count();
        if (repeat < policy.minRepeatCustomers() || historyDays < policy.minHistoryDays()) {
            return insufficient(repeat, historyDays);
        }
        return new ClvModel(BgNbdModel.fit(histories), GammaGammaModel.fit(histories), true, repeat, historyDays);
    }

    /** As {@link #fit(List, long, ClvPolicy)}, the fits starting from {@code last} when it has models. */
    public static ClvModel fit(List<CustomerHistory> histories, long historyDays, ClvPolicy policy, ClvModel last) {
        if (last == null || !last.sufficientData()) {
            return fit(histories, historyDays, policy);
        }
        int repeat = (int) histories.stream().filter(h -> h.x() > 0).count();
        if (repeat < policy.minRepeatCustomers() || historyDays < policy.minHistoryDays()) {
            return insufficient(repeat, historyDays);
        }
        return new ClvModel(BgNbdModel.fit(histories, last.purchases()), GammaGammaModel.fit(histories, last.spend()),
                true, repeat, historyDays);
    }
}
