package dev.rapport.segmentation.application.service.lifecycle;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.rapport.segmentation.application.port.in.lifecycle.RecordSignalCommand;
import dev.rapport.segmentation.application.port.in.lifecycle.RecordSignalUseCase;
import dev.rapport.segmentation.application.port.out.customer.CustomerFactsRepository;
import dev.rapport.segmentation.application.port.out.lifecycle.SignalRepository;
import dev.rapport.segmentation.application.port.out.score.ScoreRepository;
import dev.rapport.segmentation.domain.lifecycle.CustomerInsight;

@ApplicationScoped
public class RecordSignalService implements RecordSignalUseCase {

    private final CustomerFactsRepository customers;
    private final SignalRepository signals;
    private final ScoreRepository scores;
    private final CustomerInsights insights;

    public RecordSignalService(CustomerFactsRepository customers, SignalRepository signals, ScoreRepository scores,
            CustomerInsights insights) {
        this.customers = customers;
        this.signals = signals;
        this.scores = scores;
        this.insights = insights;
    }

    @Override
    @Transactional
    public void record(RecordSignalCommand command) {
        recordAll(List.of(command));
    }

    @Override
    @Transactional
    public void recordAll(List<RecordSignalCommand> commands) {
        var run = scores.currentRunForUpdate();
        Map<UUID, UUID> resolved = new HashMap<>();
        // each customer's insight before its first signal here: its net change is published once, at the end
        Map<UUID, CustomerInsight> before = new LinkedHashMap<>();
        for (RecordSignalCommand command : commands) {
            UUID customerId = resolved.computeIfAbsent(command.customerId(), customers::resolveOrCreate);
            if (!before.containsKey(customerId)) {
                before.put(customerId, insights.of(run, customerId));
            }
            apply(customerId, command);
        }
        before.forEach((customerId, was) -> insights.publishChanges(run, customerId, was, insights.of(run, customerId)));
    }

    private void apply(UUID customerId, RecordSignalCommand command) {
        switch (command.kind()) {
            case NPS_ANSWERED -> signals.nps(customerId, (int) command.value());
            case CSAT_RATED -> signals.csat(customerId, (int) command.value());
            case COMPLAINT_OPENED -> signals.complaint(customerId, 1, false);
            case COMPLAINT_RESOLVED -> signals.complaint(customerId, -1, command.flag());
            case COMPLAINT_SLA_BREACHED -> signals.complaint(customerId, 0, true);
            case LOYALTY_ACTIVITY -> signals.loyaltyActivity(customerId, command.at());
            case POINTS_EXPIRED -> signals.pointsExpired(customerId, command.value());
        }
    }
}
