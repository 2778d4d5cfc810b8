package dev.rapport.loyalty.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.kernel.InvalidInputException;
import dev.rapport.kernel.InvalidValueException;
import dev.rapport.kernel.RuleViolationException;
import dev.rapport.loyalty.domain.account.Lots;
import dev.rapport.loyalty.domain.account.PointLot;
import dev.rapport.loyalty.domain.account.ReferralCodes;
import dev.rapport.loyalty.domain.program.PointsRounding;
import dev.rapport.loyalty.domain.program.ProgramHistory;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.program.TierRule;
import dev.rapport.loyalty.domain.reward.Reward;

/** The program's arithmetic and the lots' spending order, without a database. */
class LoyaltyRulesTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static ProgramRules rules(PointsRounding rounding) {
        return new ProgramRules(BigDecimal.ONE, Map.of("JPY", new BigDecimal("0.01")), rounding, 30, 12, 12,
                List.of(new TierRule("Silver", 1000, new BigDecimal("1.25"), new BigDecimal(5), List.of("free-shipping")),
                        new TierRule("Bronze", 0, BigDecimal.ONE, BigDecimal.ZERO, List.of())),
                500, 250, 20, 200, 14);
    }

    static PointLot lot(long remaining, Instant availableAt, Instant expiresAt) {
        return new PointLot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), remaining, remaining, availableAt,
                expiresAt, null, null, BigDecimal.ZERO, 0, 0);
    }

    @Test
    void earnRateRoundingAndTierMultiplier() {
        assertThat(rules(PointsRounding.DOWN).pointsFor(new BigDecimal("10.99"), "EUR", "Bronze")).isEqualTo(10);
        assertThat(rules(PointsRounding.HALF_UP).pointsFor(new BigDecimal("10.50"), "EUR", "Bronze")).isEqualTo(11);
        assertThat(rules(PointsRounding.UP).pointsFor(new BigDecimal("10.01"), "EUR", "Bronze")).isEqualTo(11);
        assertThat(rules(PointsRounding.DOWN).pointsFor(new BigDecimal("100"), "EUR", "Silver")).isEqualTo(125);
        assertThat(rules(PointsRounding.DOWN).pointsFor(new BigDecimal("1999"), "JPY", "Bronze")).isEqualTo(19);
        assertThat(rules(PointsRounding.DOWN).pointsFor(new BigDecimal("-5"), "EUR", "Bronze")).isZero();
    }

    @Test
    void tiersAreSortedAndReachedByThreshold() {
        ProgramRules rules = rules(PointsRounding.DOWN);
        assertThat(rules.tiers()).extracting(TierRule::name).containsExactly("Bronze", "Silver");
        assertThat(rules.tierFor(999).name()).isEqualTo("Bronze");
        assertThat(rules.tierFor(1000).name()).isEqualTo("Silver");
        assertThat(rules.above("Bronze")).get().extracting(TierRule::name).isEqualTo("Silver");
        assertThat(rules.above("Silver")).isEmpty();
        assertThatThrownBy(() -> new ProgramRules(BigDecimal.ONE, null, PointsRounding.DOWN, 30, 12, 12,
                List.of(new TierRule("Gold", 10, BigDecimal.ONE, BigDecimal.ZERO, null)), 0, 0, 1, 0, 1))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("threshold must be 0");
    }

    @Test
    void spendingTakesTheOldestExpiryFirstAndOnlyWhatIsEligible() {
        PointLot late = lot(50, NOW.minusSeconds(10), NOW.plusSeconds(1000));
        PointLot soon = lot(30, NOW.minusSeconds(10), NOW.plusSeconds(100));
        PointLot pending = lot(70, NOW.plusSeconds(10), NOW.plusSeconds(50));
        List<PointLot> lots = List.of(late, soon, pending);
        assertThat(Lots.available(lots, NOW)).isEqualTo(80);
        assertThat(Lots.pending(lots, NOW)).isEqualTo(70);
        Lots.Taking taking = Lots.take(lots, 40, l -> l.isAvailableAt(NOW));
        assertThat(taking.changed()).extracting(PointLot::id).containsExactly(soon.id(), late.id());
        assertThat(taking.changed()).extracting(PointLot::remaining).containsExactly(0L, 40L);
        assertThat(taking.shortfall()).isZero();
        assertThat(Lots.take(lots, 100, l -> l.isAvailableAt(NOW)).shortfall()).isEqualTo(20);
    }

    @Test
    void reversalsStayProportionalAcrossPartialReturns() {
        PointLot lot = new PointLot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 100, 100, NOW, NOW,
                "A-1", new BigDecimal("30.00"), BigDecimal.ZERO, 0, 0);
        long first = Lots.reversalFor(lot, new BigDecimal("10.00"));
        assertThat(first).isEqualTo(33);
        PointLot after = lot.withReturn(new BigDecimal("10.00"), first);
        long second = Lots.reversalFor(after, new BigDecimal("20.00"));
        assertThat(second).isEqualTo(34); // 67 in all, as for one return of 20.00
        PointLot afterTwo = after.withReturn(new BigDecimal("20.00"), first + second);
        assertThat(Lots.reversalFor(afterTwo, new BigDecimal("45.00"))).as("never more than earned").isEqualTo(33);
    }

    @Test
    void aReturnTakesFromItsOrderThenFromWhatExpiredOfItThenFromOtherPoints() {
        // 100 earned: 50 spent, 40 expired unused, 10 left (its expiry date passed, not yet expired)
        PointLot order = new PointLot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 100, 10, NOW.minusSeconds(99),
                NOW.minusSeconds(1), "A-1", new BigDecimal("100.00"), BigDecimal.ZERO, 0, 40);
        PointLot other = lot(30, NOW.minusSeconds(10), NOW.plusSeconds(1000));
        PointLot otherPastExpiry = lot(20, NOW.minusSeconds(10), NOW.minusSeconds(5));
        List<PointLot> open = List.of(order, other, otherPastExpiry);

        Lots.TakingBack small = Lots.takeBack(open, 5, order, NOW);
        assertThat(List.of(small.taken(), small.forgone(), small.shortfall(), small.debited())).containsExactly(5L, 0L, 0L, 5L);
        assertThat(small.changed()).extracting(PointLot::remaining).containsExactly(5L);

        Lots.TakingBack half = Lots.takeBack(open, 45, order, NOW);
        assertThat(List.of(half.taken(), half.forgone(), half.shortfall(), half.debited()))
                .as("what expired is lost already: not debited again").containsExactly(10L, 35L, 0L, 10L);
        assertThat(half.changed()).extracting(PointLot::id).containsExactly(order.id());
        assertThat(half.changed().get(0).expiredPoints()).isEqualTo(5);

        Lots.TakingBack all = Lots.takeBack(open, 100, order, NOW);
        assertThat(List.of(all.taken(), all.forgone(), all.shortfall(), all.debited()))
                .as("the 50 spent come from the unexpired lot, the rest is debt").containsExactly(40L, 40L, 20L, 60L);
        assertThat(all.changed()).extracting(PointLot::id).containsExactly(order.id(), other.id());
        assertThat(all.changed()).extracting(PointLot::remaining).containsExactly(0L, 0L);
        assertThat(all.changed().get(0).expiredPoints()).isZero();

        assertThat(order.expire().expiredPoints()).isEqualTo(50);
        assertThat(order.expire().remaining()).isZero();
        assertThatThrownBy(() -> order.withRemaining(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void programHistoryPicksTheVersionInForceAndRefusesThePast() {
        ProgramRules defaults = rules(PointsRounding.DOWN);
        ProgramRules later = rules(PointsRounding.UP);
        ProgramHistory history = new ProgramHistory(defaults, List.of(
                new dev.rapport.loyalty.domain.program.ProgramVersion(1, NOW.plusSeconds(60), later, NOW)));
        assertThat(history.at(NOW).version()).isZero();
        assertThat(history.at(NOW.plusSeconds(60)).version()).isEqualTo(1);
        assertThat(history.upcoming(NOW)).hasSize(1);
        assertThatThrownBy(() -> ProgramHistory.checkEffectiveFrom(NOW.minusSeconds(1), NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void referralCodesAreLongRandomAndNormalised() {
        String code = ReferralCodes.generate();
        assertThat(code).hasSize(12).matches("[2-9A-HJKMNP-Z]+");
        assertThat(ReferralCodes.generate()).isNotEqualTo(code);
        assertThat(ReferralCodes.normalise(" ab12-cd34 ")).isEqualTo("AB12CD34");
    }

    @Test
    void rewardsValidateEveryField() {
        assertThatThrownBy(() -> Reward.of(UUID.randomUUID(), " ", null, 0L, -1L, NOW, NOW, null, NOW, NOW))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting("field")
                        .containsExactlyInAnyOrder("name", "pointsCost", "stock", "validUntil"));
    }
}
