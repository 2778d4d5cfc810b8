package dev.rapport.customer.domain.identity;

import java.util.Collection;

/**
 * Why two records probably describe one person. Weights are how sure each reason alone makes us;
 * several reasons combine as independent evidence: 1 - (1 - w1)(1 - w2)...
 */
public enum DuplicateReason {
    /** Same e-mail after trimming and lower-casing. */
    EMAIL("email", 0.9),
    /** Same phone digits (so "+1 415 555 2671" and "+14155552671" match). */
    PHONE("phone", 0.8),
    /** Same first name, last name and company, each trimmed and lower-cased; all three must be present. */
    NAME_AND_COMPANY("name-and-company", 0.6);

    private final String wireName;
    private final double weight;

    DuplicateReason(String wireName, double weight) {
        this.wireName = wireName;
        this.weight = weight;
    }

    public String wireName() {
        return wireName;
    }

    public double weight() {
        return weight;
    }

    /** Combined confidence from 0 to 1, rounded to two decimals. */
    public static double score(Collection<DuplicateReason> reasons) {
        double unlikely = 1.0;
        for (DuplicateReason reason : reasons) {
            unlikely *= 1.0 - reason.weight;
        }
        return Math.round((1.0 - unlikely) * 100.0) / 100.0;
    }
}
