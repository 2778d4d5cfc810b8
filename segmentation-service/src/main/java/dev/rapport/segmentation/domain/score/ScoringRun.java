package dev.rapport.segmentation.domain.score;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One population of scores: the result of a full recompute as of {@code asOf}, kept up to date by events.
 * {@code customers} is n, {@code totalMonetary} is T.
 */
public record ScoringRun(long id, LocalDate asOf, ZoneId zone, long customers, BigDecimal totalMonetary) {

    public ScoringRun {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(totalMonetary, "totalMonetary");
    }
}
