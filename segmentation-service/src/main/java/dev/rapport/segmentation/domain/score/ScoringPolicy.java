package dev.rapport.segmentation.domain.score;

import java.util.Objects;
import java.time.ZoneId;

/** The business calendar (calendar days are taken in {@code zone}) and the currency monetary is reported in. */
public record ScoringPolicy(ZoneId zone, String currency) {

    public ScoringPolicy {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
    }
}
