package dev.rapport.feedback.application.port.in.kpi;

import java.time.Instant;

/** [from, to); null from = 30 days before to; null to = now; null groupBy = overall only. */
public record KpiQuery(Instant from, Instant to, String groupBy) {
}
