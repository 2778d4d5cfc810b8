package dev.rapport.feedback.application.service.kpi;

import dev.rapport.feedback.application.port.in.kpi.GetKpisUseCase;
import dev.rapport.feedback.application.port.in.kpi.KpiQuery;
import dev.rapport.feedback.application.port.in.kpi.KpiReport;
import dev.rapport.feedback.application.port.out.kpi.KpiFigures;
import dev.rapport.feedback.domain.kpi.KpiGrouping;
import dev.rapport.feedback.domain.kpi.Kpis;
import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.WireNames;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@ApplicationScoped
public class GetKpisService implements GetKpisUseCase {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final KpiFigures figures;
    private final Clock clock;

    public GetKpisService(KpiFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @Override
    public KpiReport kpis(KpiQuery q) {
        KpiGrouping grouping = null;
        if (q.groupBy() != null && !q.groupBy().isBlank()) {
            try {
                grouping = WireNames.parse(KpiGrouping.class, q.groupBy().strip());
            } catch (InvalidValueException e) {
                throw InvalidInputException.of("groupBy", e.getMessage());
            }
        }
        Instant to = q.to() != null ? q.to() : clock.instant();
        Instant from = q.from() != null ? q.from() : to.minus(DEFAULT_WINDOW);
        if (!from.isBefore(to)) {
            throw InvalidInputException.of("to", "must be after from");
        }
        Kpis overall = combine(null, from, to).getOrDefault("all", Kpis.EMPTY);
        Map<String, Kpis> groups = grouping == null ? Map.of() : combine(grouping, from, to);
        return new KpiReport(from, to, grouping, overall, groups);
    }

    private Map<String, Kpis> combine(KpiGrouping grouping, Instant from, Instant to) {
        Map<String, Kpis> all = new TreeMap<>();
        for (Map<String, Kpis> family : List.of(figures.feedback(grouping, from, to),
                figures.surveys(grouping, from, to), figures.complaints(grouping, from, to))) {
            family.forEach((key, kpis) -> all.merge(key, kpis, Kpis::merge));
        }
        return all;
    }
}
