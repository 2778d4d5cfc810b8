package dev.rapport.segmentation.application.port.out.lifecycle;

import java.time.LocalDate;
import java.util.UUID;

import dev.rapport.segmentation.domain.lifecycle.CustomerInsight;

/** lifecycle-stage-changed, churn-risk-raised and relationship-level-changed. */
public interface LifecycleEventPublisher {

    void lifecycleStageChanged(UUID customerId, LocalDate asOf, CustomerInsight before, CustomerInsight after);

    void churnRiskRaised(UUID customerId, LocalDate asOf, CustomerInsight before, CustomerInsight after);

    void relationshipLevelChanged(UUID customerId, LocalDate asOf, CustomerInsight before, CustomerInsight after);
}
