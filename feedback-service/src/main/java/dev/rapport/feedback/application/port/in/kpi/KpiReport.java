package dev.rapport.feedback.application.port.in.kpi;

import dev.rapport.feedback.domain.kpi.KpiGrouping;
import dev.rapport.feedback.domain.kpi.Kpis;

import java.time.Instant;
import java.util.Map;

/** Overall KPIs and, with a grouping, the same per group (sorted by group key). */
public record KpiReport(Instant from, Instant to, KpiGrouping groupBy, Kpis overall, Map<String, Kpis> groups) {
}
