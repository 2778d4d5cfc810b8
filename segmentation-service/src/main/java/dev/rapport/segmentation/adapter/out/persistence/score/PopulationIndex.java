package dev.rapport.segmentation.adapter.out.persistence.score;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.rapport.segmentation.application.port.out.score.ScoreRepository.Comparison;

/**
 * The recency, frequency and monetary values (monetary in cents) of one run's scored customers, as three
 * order-statistic multisets: a customer's comparison with the others costs O(log n) instead of range counts.
 */
final class PopulationIndex {

    /** One customer's values as the index holds them. */
    record Entry(int recencyDays, int frequency, long monetaryCents) {

        static Entry of(int recencyDays, int frequency, BigDecimal monetary) {
            return new Entry(recencyDays, frequency, cents(monetary));
        }
    }

    private final OrderStatisticTree recency = new OrderStatisticTree();
    private final OrderStatisticTree frequency = new OrderStatisticTree();
    private final OrderStatisticTree monetary = new OrderStatisticTree();

    void add(Entry entry) {
        move(entry, 1);
    }

    void remove(Entry entry) {
        move(entry, -1);
    }

    /** Adds {@code customers} customers sharing one value of a single dimension (for loading grouped counts). */
    void addRecency(int recencyDays, long customers) {
        recency.add(recencyDays, customers);
    }

    void addFrequency(int purchases, long customers) {
        frequency.add(purchases, customers);
    }

    void addMonetary(long monetaryCents, long customers) {
        monetary.add(monetaryCents, customers);
    }

    long size() {
        return monetary.size();
    }

    /** How {@code values} compare with every entry but {@code own} (the customer's current entry, or null). */
    Comparison compare(Entry values, Entry own) {
        long worse = recency.countGreater(values.recencyDays());
        long fewer = frequency.countLess(values.frequency());
        long smaller = monetary.countLess(values.monetaryCents());
        long above = monetary.sumGreater(values.monetaryCents());
        if (own != null) {
            worse -= own.recencyDays() > values.recencyDays() ? 1 : 0;
            fewer -= own.frequency() < values.frequency() ? 1 : 0;
            if (own.monetaryCents() < values.monetaryCents()) {
                smaller--;
            } else if (own.monetaryCents() > values.monetaryCents()) {
                above -= own.monetaryCents();
            }
        }
        return new Comparison(worse, fewer, smaller, BigDecimal.valueOf(above, 2));
    }

    private void move(Entry entry, long delta) {
        recency.add(entry.recencyDays(), delta);
        frequency.add(entry.frequency(), delta);
        monetary.add(entry.monetaryCents(), delta);
    }

    static long cents(BigDecimal monetary) {
        // monetary is stored rounded to 2 decimals; anything finer would be a broken invariant, not rounded away
        return monetary.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }
}
