package dev.rapport.segmentation.config;

import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.rapport.segmentation.domain.score.ScoringPolicy;

/** The domain's business calendar and currency from configuration. */
public class ScoringPolicyProducer {

    @Produces
    @Singleton
    ScoringPolicy scoringPolicy(SegmentationConfig config) {
        return new ScoringPolicy(ZoneId.of(config.businessZone()), config.currency());
    }
}
