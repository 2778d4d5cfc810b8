package dev.rapport.segmentation.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.RfmValues;
import dev.rapport.segmentation.domain.score.Segment;

class CustomerInsightTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
    private static final LifecyclePolicy POLICY = LifecyclePolicy.DEFAULTS;

    /** A customer with {@code purchases} purchases every {@code cadence} days, the last {@code recency} days ago. */
    private static CustomerScore customer(int purchases, int cadence, int recency, AbcClass abc) {
        LocalDate last = AS_OF.minusDays(recency);
        LocalDate first = last.minusDays((long) cadence * (purchases - 1));
        return new CustomerScore(UUID.randomUUID(), new RfmValues(first, last, recency, purchases,
                new BigDecimal("100.00")), 3, 3, 3, Segment.NEED_ATTENTION, abc);
    }

    private static CustomerInsight insight(CustomerScore score, SpendTrend trend, CustomerSignals signals) {
        return CustomerInsight.of(score, trend, signals, AS_OF, ZoneOffset.UTC, POLICY);
    }

    @Test
    void lifecycleIsRelativeToTheCustomersOwnCadence() {
        assertThat(insight(null, SpendTrend.NONE, CustomerSignals.NONE).stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(insight(customer(1, 0, 30, AbcClass.C), SpendTrend.NONE, CustomerSignals.NONE).stage())
                .isEqualTo(LifecycleStage.NEW);
        assertThat(insight(customer(3, 30, 20, AbcClass.C), SpendTrend.NONE, CustomerSignals.NONE).stage())
                .isEqualTo(LifecycleStage.REPEAT);
        assertThat(insight(customer(6, 30, 20, AbcClass.C), SpendTrend.NONE, CustomerSignals.NONE).stage())
                .isEqualTo(LifecycleStage.LOYAL);
        // 70 days without a purchase: at risk for a weekly buyer (over 2 × 7), fine for a quarterly one
        assertThat(insight(customer(6, 7, 20, AbcClass.C), SpendTrend.NONE, CustomerSignals.NONE).stage())
                .isEqualTo(LifecycleStage.AT_RISK);
        assertThat(insight(customer(6, 90, 70, AbcClass.C), SpendTrend.NONE, CustomerSignals.NONE).stage())
                .isEqualTo(LifecycleStage.LOYAL);
        assertThat(insight(customer(6, 7, 40, AbcClass.C), SpendTrend.NONE, CustomerSignals.NONE).stage())
                .isEqualTo(LifecycleStage.CHURNED);
        // one purchase: the fallback cadence of 90 days
        assertThat(insight(customer(1, 0, 200, AbcClass.C), SpendTrend.NONE, CustomerSignals.NONE).stage())
                .isEqualTo(LifecycleStage.AT_RISK);
        assertThat(insight(customer(1, 0, 400, AbcClass.C), SpendTrend.NONE, CustomerSignals.NONE).stage())
                .isEqualTo(LifecycleStage.CHURNED);
    }

    @Test
    void churnRiskJoinsSignalsNoSingleServiceSees() {
        CustomerScore steady = customer(6, 30, 10, AbcClass.A);
        CustomerInsight calm = insight(steady, SpendTrend.NONE, CustomerSignals.NONE);
        assertThat(calm.churnRisk().level()).isEqualTo(ChurnLevel.LOW);
        assertThat(calm.churnRisk().reasons()).isEmpty();

        SpendTrend falling = new SpendTrend(new BigDecimal("10"), new BigDecimal("100"));
        CustomerSignals unhappy = new CustomerSignals(3, null, 1, 0, null, 0, false);
        CustomerInsight worried = insight(steady, falling, unhappy);
        assertThat(worried.churnRisk().level()).isEqualTo(ChurnLevel.HIGH); // 1 + 2 + 1 = 4
        assertThat(worried.churnRisk().reasons()).hasSize(3)
                .anyMatch(r -> r.startsWith("spend falling")).anyMatch(r -> r.startsWith("NPS detractor"))
                .anyMatch(r -> r.contains("complaint(s) open"));

        CustomerSignals lapsedMember = new CustomerSignals(null, null, 0, 0, Instant.parse("2026-01-01T00:00:00Z"), 50,
                true);
        CustomerInsight medium = insight(steady, SpendTrend.NONE, lapsedMember);
        assertThat(medium.churnRisk().level()).isEqualTo(ChurnLevel.MEDIUM);
        assertThat(medium.churnRisk().reasons()).anyMatch(r -> r.contains("no loyalty activity"))
                .anyMatch(r -> r.contains("expired unused"));

        assertThat(insight(customer(6, 7, 40, AbcClass.A), SpendTrend.NONE, CustomerSignals.NONE).churnRisk().level())
                .isEqualTo(ChurnLevel.HIGH);
    }

    @Test
    void relationshipLevelsBuildOnEachOther() {
        assertThat(insight(null, SpendTrend.NONE, CustomerSignals.NONE).relationship().level()).isEqualTo(1);
        assertThat(insight(customer(1, 0, 10, AbcClass.A), SpendTrend.NONE, CustomerSignals.NONE).relationship().level())
                .isEqualTo(2);
        CustomerSignals detractor = new CustomerSignals(2, null, 0, 0, null, 0, false);
        assertThat(insight(customer(6, 30, 10, AbcClass.A), SpendTrend.NONE, detractor).relationship().level())
                .isEqualTo(1);
        assertThat(insight(customer(3, 30, 10, AbcClass.A), SpendTrend.NONE, CustomerSignals.NONE).relationship().level())
                .isEqualTo(3);
        CustomerSignals complaint = new CustomerSignals(null, null, 1, 0, null, 0, false);
        assertThat(insight(customer(6, 30, 10, AbcClass.A), SpendTrend.NONE, complaint).relationship().level())
                .isEqualTo(2);
        assertThat(insight(customer(6, 30, 10, AbcClass.B), SpendTrend.NONE, CustomerSignals.NONE).relationship().level())
                .isEqualTo(4);
        RelationshipLevel partner = insight(customer(6, 30, 10, AbcClass.A), SpendTrend.NONE, CustomerSignals.NONE)
                .relationship();
        assertThat(partner.level()).isEqualTo(5);
        assertThat(partner.name()).isEqualTo("partner");
        assertThat(partner.reasons()).contains("A-class key account");
        CustomerSignals activeMember = new CustomerSignals(null, 5, 0, 0, Instant.parse("2026-05-20T00:00:00Z"), 0, true);
        assertThat(insight(customer(3, 30, 10, AbcClass.B), SpendTrend.NONE, activeMember).relationship().level())
                .isEqualTo(4);
    }
}
