package dev.rapport.loyalty.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.loyalty.application.port.in.account.EarnPointsCommand;
import dev.rapport.loyalty.application.port.in.account.OpenAccountCommand;
import dev.rapport.loyalty.application.port.in.account.RedeemPointsCommand;
import dev.rapport.loyalty.domain.account.IdempotencyKeyReusedException;
import dev.rapport.loyalty.domain.account.InsufficientPointsException;
import dev.rapport.loyalty.domain.program.PointsRounding;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.program.TierRule;
import dev.rapport.loyalty.domain.referral.RejectionReason;

/** Use cases over in-memory ports: referral limits, earn-once, redemption idempotency, balance = ledger. */
class LoyaltyUseCasesTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static ProgramRules rules(int referralLimit) {
        return new ProgramRules(BigDecimal.ONE, Map.of(), PointsRounding.DOWN, 30, 12, 12,
                List.of(new TierRule("Bronze", 0, BigDecimal.ONE, BigDecimal.ZERO, List.of()),
                        new TierRule("Silver", 1000, new BigDecimal("1.5"), BigDecimal.ONE, List.of())),
                500, 250, referralLimit, 200, 14);
    }

    static UUID open(InMemoryLoyalty loyalty, String email, String code) {
        UUID id = UUID.randomUUID();
        loyalty.open.open(new OpenAccountCommand(id, email, null, null, code, NOW));
        return id;
    }

    static void earn(InMemoryLoyalty loyalty, UUID id, String orderId, String total) {
        loyalty.earn.earn(new EarnPointsCommand(id, orderId, new BigDecimal(total), "EUR", NOW.minus(Duration.ofDays(40))));
    }

    @Test
    void anAdvocatesReferralsStopAtTheUsageLimit() {
        InMemoryLoyalty loyalty = new InMemoryLoyalty(rules(1), NOW);
        UUID advocate = open(loyalty, "a@example.com", null);
        String code = loyalty.accounts.get(advocate).referralCode();
        UUID first = open(loyalty, "b@example.com", code);
        UUID second = open(loyalty, "c@example.com", code);
        assertThat(loyalty.referrals).hasSize(2);
        assertThat(loyalty.referrals.get(0).refereeId()).isEqualTo(first);
        assertThat(loyalty.referrals.get(0).rejectionReason()).isNull();
        assertThat(loyalty.referrals.get(1).refereeId()).isEqualTo(second);
        assertThat(loyalty.referrals.get(1).rejectionReason()).isEqualTo(RejectionReason.USAGE_LIMIT_REACHED);
        assertThat(loyalty.events).contains("referral-rejected " + second + " usage-limit-reached");

        earn(loyalty, first, "O-1", "10.00");
        assertThat(loyalty.accounts.get(first).balance()).isEqualTo(10 + 250);
        assertThat(loyalty.accounts.get(advocate).balance()).isEqualTo(500);
        earn(loyalty, second, "O-2", "10.00");
        assertThat(loyalty.accounts.get(second).balance()).as("a rejected referral earns no bonus").isEqualTo(10);
        for (UUID id : List.of(advocate, first, second)) {
            assertThat(loyalty.accounts.get(id).balance()).isEqualTo(loyalty.ledgerSum(id));
        }
    }

    @Test
    void anOrderEarnsOnceAndTheMultiplierIsTheTierHeldOnThePurchaseDate() {
        InMemoryLoyalty loyalty = new InMemoryLoyalty(rules(20), NOW);
        UUID id = open(loyalty, null, null);
        earn(loyalty, id, "O-1", "1000.00");
        earn(loyalty, id, "O-1", "1000.00");
        assertThat(loyalty.accounts.get(id).balance()).isEqualTo(1000);
        assertThat(loyalty.accounts.get(id).tier()).isEqualTo("Silver");
        assertThat(loyalty.events).contains("tier-changed " + id + " Silver");
        // Silver since NOW: a purchase of NOW earns x1.5, one dated before the upgrade x1 (Bronze then).
        loyalty.earn.earn(new EarnPointsCommand(id, "O-2", new BigDecimal("10.00"), "EUR", NOW));
        assertThat(loyalty.accounts.get(id).balance()).isEqualTo(1015);
        earn(loyalty, id, "O-3", "10.00");
        assertThat(loyalty.accounts.get(id).balance()).isEqualTo(1025);
        assertThat(loyalty.accounts.get(id).balance()).isEqualTo(loyalty.ledgerSum(id));
    }

    @Test
    void aRedemptionKeyAnswersTheSameAndRefusesAnotherBody() {
        InMemoryLoyalty loyalty = new InMemoryLoyalty(rules(20), NOW);
        UUID id = open(loyalty, null, null);
        earn(loyalty, id, "O-1", "100.00");
        var first = loyalty.redeem.redeem(new RedeemPointsCommand(id, "k1", 60L, null, null));
        var again = loyalty.redeem.redeem(new RedeemPointsCommand(id, "k1", 60L, null, null));
        assertThat(again).isEqualTo(first);
        assertThat(loyalty.accounts.get(id).balance()).isEqualTo(40);
        assertThatThrownBy(() -> loyalty.redeem.redeem(new RedeemPointsCommand(id, "k1", 61L, null, null)))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> loyalty.redeem.redeem(new RedeemPointsCommand(id, "k2", 41L, null, null)))
                .isInstanceOf(InsufficientPointsException.class)
                .satisfies(e -> assertThat(((InsufficientPointsException) e).facts()).containsEntry("available", 40L));
        assertThat(loyalty.accounts.get(id).balance()).isEqualTo(loyalty.ledgerSum(id));
    }
}
