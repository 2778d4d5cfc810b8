package dev.rapport.segmentation.domain.score;

import java.util.Objects;
import java.util.UUID;

/** A customer's RFM values, the three scores, the segment and the ABC class within one population. */
public record CustomerScore(UUID customerId, RfmValues values, int r, int f, int m, Segment segment,
        AbcClass abcClass) {

    public CustomerScore {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(values, "values");
        Scores.requireScore("r", r);
        Scores.requireScore("f", f);
        Scores.requireScore("m", m);
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(abcClass, "abcClass");
    }

    /** This customer's scores from where it stands in a population (counts exclude the customer itself). */
    public static CustomerScore of(UUID customerId, RfmValues values, PopulationPosition position) {
        int r = Scores.score(position.worseRecency(), position.n());
        int f = Scores.score(position.fewerPurchases(), position.n());
        int m = Scores.score(position.smallerMonetary(), position.n());
        return new CustomerScore(customerId, values, r, f, m, Segment.of(r, f),
                AbcClass.of(position.monetaryAbove(), position.totalMonetary()));
    }
}
