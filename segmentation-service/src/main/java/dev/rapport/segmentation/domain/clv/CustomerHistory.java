package dev.rapport.segmentation.domain.clv;

/**
 * A customer's purchase history in the BG/NBD's terms, in weeks: {@code x} repeat purchases (purchases − 1),
 * {@code tx} the time of the last purchase and {@code t} the customer's age, both since the first purchase;
 * {@code meanSpend} the mean purchase value (used by Gamma-Gamma when x &gt; 0).
 */
public record CustomerHistory(int x, double tx, double t, double meanSpend) {

    public CustomerHistory {
        if (x < 0 || tx < 0 || t < tx - 1e-9) {
            throw new IllegalArgumentException("need x >= 0 and 0 <= tx <= T");
        }
    }
}
