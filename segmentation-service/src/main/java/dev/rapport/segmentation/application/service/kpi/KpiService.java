package dev.rapport.segmentation.application.service.kpi;

import java.time.Clock;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.kernel.InvalidInputException;
import dev.rapport.segmentation.application.port.in.kpi.GetKpisQuery;
import dev.rapport.segmentation.application.port.in.kpi.GetKpisUseCase;
import dev.rapport.segmentation.application.port.in.kpi.Kpis;
import dev.rapport.segmentation.application.port.in.kpi.RecordAcquisitionSpendUseCase;
import dev.rapport.segmentation.application.port.out.kpi.KpiRepository;
import dev.rapport.segmentation.domain.kpi.AcquisitionSpend;
import dev.rapport.segmentation.domain.score.ScoringPolicy;

@ApplicationScoped
public class KpiService implements GetKpisUseCase, RecordAcquisitionSpendUseCase {

    static final int MAX_MONTHS = 36;

    private final KpiRepository kpis;
    private final ScoringPolicy policy;
    private final Clock clock;

    public KpiService(KpiRepository kpis, ScoringPolicy policy, Clock clock) {
        this.clock = clock;
        this.kpis = kpis;
        this.policy = policy;
    }

    @Override
    public Kpis kpis(GetKpisQuery query) {
        YearMonth current = YearMonth.now(clock.withZone(policy.zone()));
        YearMonth to = query.to() != null ? query.to() : query.from() != null ? query.from().plusMonths(11) : current;
        YearMonth from = query.from() != null ? query.from() : to.minusMonths(11);
        if (to.isBefore(from)) {
            throw InvalidInputException.of("to", "must not be before from");
        }
        if (ChronoUnit.MONTHS.between(from, to) >= MAX_MONTHS) {
            throw InvalidInputException.of("to", "at most " + MAX_MONTHS + " months from 'from'");
        }
        var groups = query.groupBy() == GetKpisQuery.GroupBy.ACQUISITION_CHANNEL
                ? kpis.byChannel(from, to, policy.zone()) : kpis.byMonth(from, to, policy.zone());
        return new Kpis(from, to, query.groupBy(), policy.currency(), groups);
    }

    @Override
    @Transactional
    public AcquisitionSpend record(AcquisitionSpend spend) {
        if (!spend.currency().equals(policy.currency())) {
            throw InvalidInputException.of("currency", "must be " + policy.currency() + ", the business currency");
        }
        kpis.saveSpend(spend);
        return spend;
    }
}
