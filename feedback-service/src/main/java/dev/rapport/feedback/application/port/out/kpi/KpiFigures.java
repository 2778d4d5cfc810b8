package dev.rapport.feedback.application.port.out.kpi;

import dev.rapport.feedback.domain.kpi.KpiGrouping;
import dev.rapport.feedback.domain.kpi.Kpis;

import java.time.Instant;
import java.util.Map;

/** Aggregates over the stored feedback, answers and complaints. */
public interface KpiFigures {

    /**
     * Feedback, survey and complaint figures of [from, to), per group key of {@code groupBy}, or under the
     * single key "all" when {@code groupBy} is null. Each map holds only the figures of its family.
     */
    Map<String, Kpis> feedback(KpiGrouping groupBy, Instant from, Instant to);

    Map<String, Kpis> surveys(KpiGrouping groupBy, Instant from, Instant to);

    Map<String, Kpis> complaints(KpiGrouping groupBy, Instant from, Instant to);
}
