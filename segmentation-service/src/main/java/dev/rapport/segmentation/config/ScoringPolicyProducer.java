package dev.rapport.segmentation.config;

import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.rapport.segmentation.domain.clv.ClvPolicy;
import dev.rapport.segmentation.domain.lifecycle.LifecyclePolicy;
import dev.rapport.segmentation.domain.score.ScoringPolicy;

/** The domain's business calendar and currency from configuration. */
public class ScoringPolicyProducer {

    @Produces
    @Singleton
    ScoringPolicy scoringPolicy(SegmentationConfig config) {
        return new ScoringPolicy(ZoneId.of(config.businessZone()), config.currency());
    }

    @Produces
    @Singleton
    LifecyclePolicy lifecyclePolicy(SegmentationConfig config) {
        SegmentationConfig.Lifecycle l = config.lifecycle();
        return new LifecyclePolicy(l.fallbackCadenceDays(), l.atRiskMultiple(), l.churnedMultiple(), l.loyalPurchases(),
                l.spendWindowDays(), l.fallingSpendRatio(), l.loyaltyInactiveDays(), l.npsDetractorMax(), l.lowCsatMax(),
                l.mediumRiskPoints(), l.highRiskPoints());
    }

    @Produces
    @Singleton
    ClvPolicy clvPolicy(SegmentationConfig config) {
        return new ClvPolicy(config.clv().annualDiscountRate().doubleValue(), config.clv().minRepeatCustomers(),
                config.clv().minHistoryDays(), config.clv().fallbackCadenceDays());
    }
}
