package dev.rapport.segmentation.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.segmentation.domain.score.AbcClass;
import dev.rapport.segmentation.domain.score.CustomerScore;
import dev.rapport.segmentation.domain.score.RfmValues;
import dev.rapport.segmentation.domain.score.Segment;

/**
 * {@link CustomerInsight#dayCanMove} against the insight itself: whenever it says a day cannot move a customer
 * whose row and signals stay the same, the stage, churn level and relationship level on both days are equal.
 */
class DayCanMoveTest {

    private static final LocalDate FROM = LocalDate.of(2026, 6, 1);
    private static final long[] GAPS = {0, 1, 2, 3, 7, 30, 89, 90, 91, 181, 400, -1, -3};

    /** A customer as the recompute holds it: its row (or none) and its signals. */
    private record Customer(boolean scored, LocalDate first, LocalDate last, int frequency, AbcClass abc,
            SpendTrend trend, CustomerSignals signals) {
    }

    private static CustomerInsight insight(Customer c, LocalDate asOf, ZoneId zone, LifecyclePolicy policy) {
        CustomerScore score = null;
        if (c.scored()) {
            int recency = (int) Math.max(0, asOf.toEpochDay() - c.last().toEpochDay());
            score = new CustomerScore(UUID.nameUUIDFromBytes(new byte[] {1}), new RfmValues(c.first(), c.last(),
                    recency, c.frequency(), new BigDecimal("100.00")), 3, 3, 3, Segment.NEED_ATTENTION, c.abc());
        }
        return CustomerInsight.of(score, c.scored() ? c.trend() : SpendTrend.NONE, c.signals(), asOf, zone, policy);
    }

    private static boolean dayCanMove(Customer c, LocalDate from, LocalDate to, ZoneId zone, LifecyclePolicy policy) {
        Instant activity = c.signals().lastLoyaltyActivity();
        return CustomerInsight.dayCanMove(c.scored(), c.scored() ? c.first().toEpochDay() : 0,
                c.scored() ? c.last().toEpochDay() : 0, c.frequency(), c.signals().loyaltyMember(), activity != null,
                activity == null ? 0 : LocalDate.ofInstant(activity, zone).toEpochDay(), from.toEpochDay(),
                to.toEpochDay(), policy);
    }

    private static boolean sameLevels(CustomerInsight a, CustomerInsight b) {
        return a.stage() == b.stage() && a.churnRisk().level() == b.churnRisk().level()
                && a.relationship().level() == b.relationship().level();
    }

    private static Customer generated(Random random, ZoneId zone) {
        boolean scored = random.nextInt(10) > 0;
        int frequency = scored ? 1 + random.nextInt(random.nextBoolean() ? 2 : 12) : 0;
        // last purchases up to two years before FROM, a few on or after it (an event dated on the run's asOf)
        LocalDate last = FROM.minusDays(random.nextInt(760) - 10L);
        long span = frequency <= 1 ? 0 : random.nextInt(4) == 0 ? 0 : random.nextInt(500);
        LocalDate first = last.minusDays(span);
        AbcClass abc = AbcClass.values()[random.nextInt(3)];
        SpendTrend trend = switch (random.nextInt(3)) {
            case 0 -> SpendTrend.NONE;
            case 1 -> new SpendTrend(new BigDecimal("10.00"), new BigDecimal("100.00"));
            default -> new SpendTrend(new BigDecimal("80.00"), new BigDecimal("100.00"));
        };
        CustomerSignals signals = CustomerSignals.NONE;
        if (random.nextInt(3) > 0) {
            Integer nps = random.nextInt(3) == 0 ? null : random.nextInt(11);
            Integer csat = random.nextInt(3) == 0 ? null : 1 + random.nextInt(5);
            Instant activity = random.nextInt(4) == 0 ? null
                    : FROM.minusDays(random.nextInt(200) - 10L).atStartOfDay(zone).toInstant()
                            .plusSeconds(random.nextInt(86_400));
            signals = new CustomerSignals(nps, csat, random.nextInt(5) == 0 ? 1 : 0, random.nextInt(8) == 0 ? 1 : 0,
                    activity, random.nextInt(6) == 0 ? 50 : 0, random.nextBoolean());
        }
        return new Customer(scored, first, last, Math.max(frequency, 1), abc, trend, signals);
    }

    @Test
    void neverMissesACustomerWhoseLevelsADayMoves() {
        List<LifecyclePolicy> policies = List.of(LifecyclePolicy.DEFAULTS,
                // fractional multiples, an at-risk limit below one cadence, a short fallback and inactivity limit
                new LifecyclePolicy(7, 0.5, 2.5, 3, 30, new BigDecimal("0.8"), 10, 6, 2, 2, 4),
                new LifecyclePolicy(30, 1.5, 3.25, 4, 90, new BigDecimal("0.5"), 45, 6, 2, 1, 3));
        List<ZoneId> zones = List.of(ZoneOffset.UTC, ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Kolkata"));
        Random random = new Random(20261202L);
        int checked = 0;
        int moved = 0;
        int flagged = 0;
        for (int i = 0; i < 60_000; i++) {
            LifecyclePolicy policy = policies.get(i % policies.size());
            ZoneId zone = zones.get(i / policies.size() % zones.size());
            Customer customer = generated(random, zone);
            CustomerInsight before = insight(customer, FROM, zone, policy);
            for (long gap : GAPS) {
                LocalDate to = FROM.plusDays(gap);
                boolean same = sameLevels(before, insight(customer, to, zone, policy));
                boolean canMove = dayCanMove(customer, FROM, to, zone, policy);
                assertThat(same || canMove).as("customer %s, policy %s, zone %s, %s → %s", customer, policy, zone,
                        FROM, to).isTrue();
                checked++;
                moved += same ? 0 : 1;
                flagged += canMove ? 1 : 0;
            }
        }
        assertThat(checked).isEqualTo(60_000 * GAPS.length);
        // the generator reaches customers a day moves, and the decision spares most of the others
        assertThat(moved).isGreaterThan(5_000);
        assertThat(flagged).isLessThan(checked / 2);
    }

    @Test
    void aSingleDayMovesOnlyTheCustomersOnAThreshold() {
        LifecyclePolicy policy = LifecyclePolicy.DEFAULTS;
        // six purchases every 7 days: past one cadence after 7 days, at risk after 14, churned after 28
        for (int recency = 0; recency <= 40; recency++) {
            LocalDate last = FROM.minusDays(recency);
            Customer weekly = new Customer(true, last.minusDays(35), last, 6, AbcClass.A, SpendTrend.NONE,
                    CustomerSignals.NONE);
            boolean threshold = recency == 7 || recency == 14 || recency == 28;
            assertThat(dayCanMove(weekly, FROM, FROM.plusDays(1), ZoneOffset.UTC, policy)).as("recency %d", recency)
                    .isEqualTo(threshold);
            assertThat(sameLevels(insight(weekly, FROM, ZoneOffset.UTC, policy),
                    insight(weekly, FROM.plusDays(1), ZoneOffset.UTC, policy))).as("recency %d", recency)
                    .isEqualTo(recency != 14 && recency != 28);
        }
        // one purchase: the fallback cadence of 90 days (past it after 90, at risk after 180, churned after 360)
        LocalDate once = FROM.minusDays(180);
        Customer single = new Customer(true, once, once, 1, AbcClass.C, SpendTrend.NONE, CustomerSignals.NONE);
        assertThat(dayCanMove(single, FROM, FROM.plusDays(1), ZoneOffset.UTC, policy)).isTrue();
        assertThat(insight(single, FROM.plusDays(1), ZoneOffset.UTC, policy).stage()).isEqualTo(LifecycleStage.AT_RISK);
        assertThat(insight(single, FROM, ZoneOffset.UTC, policy).stage()).isEqualTo(LifecycleStage.NEW);
        assertThat(dayCanMove(single, FROM.minusDays(1), FROM, ZoneOffset.UTC, policy)).isFalse();
        // a cadence of 7.5 days rounds to 8 for the churn point
        LocalDate last = FROM.minusDays(8);
        Customer halfDays = new Customer(true, last.minusDays(15), last, 3, AbcClass.B, SpendTrend.NONE,
                CustomerSignals.NONE);
        assertThat(dayCanMove(halfDays, FROM, FROM.plusDays(1), ZoneOffset.UTC, policy)).isTrue();
        assertThat(dayCanMove(halfDays, FROM.minusDays(1), FROM, ZoneOffset.UTC, policy)).isFalse();
        // several days at once: any threshold between the two days counts
        assertThat(dayCanMove(halfDays, FROM.minusDays(3), FROM.plusDays(3), ZoneOffset.UTC, policy)).isTrue();
    }

    @Test
    void theLoyaltyInactivityLimitMovesMembersEvenWithoutAPurchase() {
        LifecyclePolicy policy = LifecyclePolicy.DEFAULTS;
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        // the last activity late in the evening of 2026-03-03 in the business zone (already 03-04 in UTC)
        Instant activity = LocalDate.of(2026, 3, 3).atTime(23, 30).atZone(zone).toInstant();
        LocalDate limit = LocalDate.of(2026, 3, 3).plusDays(90); // still active on this day, inactive the next
        CustomerSignals member = new CustomerSignals(null, null, 0, 0, activity, 0, true);
        CustomerSignals notMember = new CustomerSignals(null, null, 0, 0, activity, 0, false);
        Customer prospect = new Customer(false, null, null, 1, null, SpendTrend.NONE, member);
        assertThat(dayCanMove(prospect, limit, limit.plusDays(1), zone, policy)).isTrue();
        assertThat(dayCanMove(prospect, limit.minusDays(1), limit, zone, policy)).isFalse();
        assertThat(dayCanMove(prospect, limit.plusDays(1), limit.plusDays(2), zone, policy)).isFalse();
        assertThat(insight(prospect, limit, zone, policy).churnRisk().level()).isEqualTo(ChurnLevel.LOW);
        // one point more with an NPS detractor's two: medium
        Customer unhappy = new Customer(false, null, null, 1, null, SpendTrend.NONE,
                new CustomerSignals(3, null, 0, 0, activity, 0, true));
        assertThat(insight(unhappy, limit, zone, policy).churnRisk().level()).isEqualTo(ChurnLevel.MEDIUM);
        assertThat(insight(unhappy, limit.plusDays(1), zone, policy).churnRisk().level()).isEqualTo(ChurnLevel.MEDIUM);
        Customer worse = new Customer(false, null, null, 1, null, SpendTrend.NONE,
                new CustomerSignals(3, null, 1, 0, activity, 0, true));
        assertThat(insight(worse, limit, zone, policy).churnRisk().level()).isEqualTo(ChurnLevel.MEDIUM);
        assertThat(insight(worse, limit.plusDays(1), zone, policy).churnRisk().level()).isEqualTo(ChurnLevel.HIGH);
        assertThat(dayCanMove(new Customer(false, null, null, 1, null, SpendTrend.NONE, notMember), limit,
                limit.plusDays(1), zone, policy)).isFalse();
        // a member without any activity is inactive on every day: no day moves it
        Customer never = new Customer(false, null, null, 1, null, SpendTrend.NONE,
                new CustomerSignals(null, null, 0, 0, null, 0, true));
        assertThat(dayCanMove(never, limit, limit.plusDays(30), zone, policy)).isFalse();
    }
}
