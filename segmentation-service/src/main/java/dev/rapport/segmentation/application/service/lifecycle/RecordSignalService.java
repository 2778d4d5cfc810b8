package dev.rapport.segmentation.application.service.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Map<UUID, UUID> resolved = customers.resolveAllOrCreate(
                commands.stream().map(RecordSignalCommand::customerId).distinct().toList());
        Set<UUID> customerIds = new LinkedHashSet<>(resolved.values());
        // each customer's insight before these signals and after all of them: its net change is published once
        Map<UUID, CustomerInsight> before = insights.ofAll(run, customerIds);
        Map<UUID, Gathering> gathered = new LinkedHashMap<>();
        for (RecordSignalCommand command : commands) {
            UUID customerId = resolved.get(command.customerId());
            switch (command.kind()) {
                // the open count stops at zero after each event, so complaints are applied one by one
                case COMPLAINT_OPENED -> signals.complaint(customerId, 1, false);
                case COMPLAINT_RESOLVED -> signals.complaint(customerId, -1, command.flag());
                case COMPLAINT_SLA_BREACHED -> signals.complaint(customerId, 0, true);
                default -> gathered.computeIfAbsent(customerId, Gathering::new).add(command);
            }
        }
        signals.addAll(gathered.values().stream().map(Gathering::gathered).toList());
        Map<UUID, CustomerInsight> after = insights.ofAll(run, customerIds);
        before.forEach((customerId, was) -> insights.publishChanges(run, customerId, was, after.get(customerId)));
    }

    /** A customer's NPS, CSAT and loyalty signals of one call, in their order: the last score, the latest activity. */
    private static final class Gathering {
        private final UUID customerId;
        private Integer lastNps;
        private Integer lastCsat;
        private Instant lastLoyaltyActivity;
        private long pointsExpired;
        private boolean loyaltyMember;

        Gathering(UUID customerId) {
            this.customerId = customerId;
        }

        void add(RecordSignalCommand command) {
            switch (command.kind()) {
                case NPS_ANSWERED -> lastNps = (int) command.value();
                case CSAT_RATED -> lastCsat = (int) command.value();
                case LOYALTY_ACTIVITY -> {
                    loyaltyMember = true;
                    if (command.at() != null && (lastLoyaltyActivity == null || command.at().isAfter(lastLoyaltyActivity))) {
                        lastLoyaltyActivity = command.at();
                    }
                }
                case POINTS_EXPIRED -> {
                    loyaltyMember = true;
                    pointsExpired += command.value();
                }
                default -> throw new IllegalArgumentException("not gathered: " + command.kind());
            }
        }

        SignalRepository.Gathered gathered() {
            return new SignalRepository.Gathered(customerId, lastNps, lastCsat, lastLoyaltyActivity, pointsExpired,
                    loyaltyMember);
        }
    }
}
