package dev.rapport.loyalty.application.service;

import static dev.rapport.loyalty.application.service.InMemoryLoyalty.money;
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
import dev.rapport.loyalty.application.port.in.account.ReversePointsCommand;
import dev.rapport.loyalty.domain.account.LoyaltyAccount;
import dev.rapport.loyalty.domain.account.IdempotencyKeyReusedException;
import dev.rapport.loyalty.domain.account.InsufficientPointsException;
import dev.rapport.loyalty.domain.program.PointsRounding;
import dev.rapport.loyalty.domain.program.ProgramRules;
import dev.rapport.loyalty.domain.program.TierRule;
import dev.rapport.loyalty.domain.referral.ReferralStatus;
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
    void aBatchOfOldAndRecentPurchasesLeavesWhatOneAtATimeLeaves() {
        Instant old = NOW.minus(Duration.ofDays(800)); // older than the 12-month expiry period
        UUID id = UUID.randomUUID();
        UUID returnId = UUID.randomUUID();
        InMemoryLoyalty batched = new InMemoryLoyalty(rules(20), NOW);
        InMemoryLoyalty oneByOne = new InMemoryLoyalty(rules(20), NOW);
        for (InMemoryLoyalty loyalty : List.of(batched, oneByOne)) {
            loyalty.open.open(new OpenAccountCommand(id, null, null, null, null, NOW));
            earn(loyalty, id, "O-1", "40.00");
            loyalty.redeem.redeem(new RedeemPointsCommand(id, "k1", 40L, null, null));
            // The order's points were spent: its return takes them back as debt.
            loyalty.reverse.reverse(new ReversePointsCommand(id, "O-1", returnId, money("40.00"), NOW));
            assertThat(loyalty.accounts.get(id).debt()).isEqualTo(40);
        }
        List<EarnPointsCommand> purchases = List.of(
                new EarnPointsCommand(id, "O-2", money("30.00"), "EUR", old), // repays 30 of the debt, nothing expires
                new EarnPointsCommand(id, "O-3", money("25.00"), "EUR", old), // repays 10, 15 expire at once
                new EarnPointsCommand(id, "O-4", money("20.00"), "EUR", NOW.minus(Duration.ofDays(40))),
                new EarnPointsCommand(id, "O-5", money("0.50"), "EUR", old), // no points
                new EarnPointsCommand(id, "O-3", money("25.00"), "EUR", old)); // again: earned once
        int before = batched.lotWrites.size();
        batched.earn.earnAll(purchases);
        purchases.forEach(oneByOne.earn::earn);

        assertThat(batched.lotWrites.subList(before, batched.lotWrites.size())).as("one write for the batch's lots")
                .containsExactly(4);
        assertThat(ledgerLines(batched, id)).isEqualTo(ledgerLines(oneByOne, id)).endsWith(
                "earn 30 -10 O-2", "earn 25 15 O-3", "expire -15 0 null", "earn 20 20 O-4", "earn 0 20 O-5");
        assertThat(batched.events).isEqualTo(oneByOne.events);
        assertThat(batched.lots.values().stream().map(l -> l.orderId() + " " + l.points() + " " + l.remaining()).toList())
                .isEqualTo(oneByOne.lots.values().stream().map(l -> l.orderId() + " " + l.points() + " " + l.remaining())
                        .toList())
                .contains("O-2 30 0", "O-3 25 0", "O-4 20 20");
        LoyaltyAccount account = batched.accounts.get(id);
        assertThat(List.of(account.balance(), account.debt())).containsExactly(20L, 0L);
        assertThat(account.balance()).isEqualTo(batched.ledgerSum(id));
        assertThat(oneByOne.accounts.get(id).balance()).isEqualTo(20);
    }

    @Test
    void aFirstPurchaseIsEarnedInTheBatchUnlessItCompletesAReferral() {
        InMemoryLoyalty loyalty = new InMemoryLoyalty(rules(20), NOW);
        UUID advocate = open(loyalty, "a@example.com", null);
        UUID referee = open(loyalty, "b@example.com", loyalty.accounts.get(advocate).referralCode());
        UUID member = open(loyalty, "c@example.com", null);
        Instant first = NOW.minus(Duration.ofDays(50));
        int before = loyalty.lotWrites.size();
        loyalty.earn.earnAll(List.of(
                new EarnPointsCommand(member, "O-1", money("10.00"), "EUR", first),
                new EarnPointsCommand(referee, "O-2", money("10.00"), "EUR", first),
                new EarnPointsCommand(member, "O-3", money("20.00"), "EUR", NOW.minus(Duration.ofDays(40)))));

        assertThat(loyalty.lotWrites.subList(before, loyalty.lotWrites.size()))
                .as("the member's two purchases in one write; the referee's purchase and both bonuses one by one")
                .containsExactly(2, 1, 1, 1);
        assertThat(loyalty.accounts.get(member).firstPurchaseAt()).isEqualTo(first);
        assertThat(loyalty.accounts.get(member).balance()).isEqualTo(30);
        assertThat(loyalty.accounts.get(referee).firstPurchaseAt()).isEqualTo(first);
        assertThat(loyalty.accounts.get(referee).balance()).isEqualTo(10 + 250);
        assertThat(loyalty.accounts.get(advocate).balance()).isEqualTo(500);
        assertThat(loyalty.referrals.get(0).status()).isEqualTo(ReferralStatus.COMPLETED);
        for (UUID id : List.of(advocate, referee, member)) {
            assertThat(loyalty.accounts.get(id).balance()).isEqualTo(loyalty.ledgerSum(id));
        }
    }

    @Test
    void aBatchOfPurchasesOlderThanTheTierWindowLeavesTheTierUnread() {
        InMemoryLoyalty loyalty = new InMemoryLoyalty(rules(20), NOW);
        UUID id = open(loyalty, null, null);
        earn(loyalty, id, "O-1", "10.00");
        Instant old = NOW.minus(Duration.ofDays(400)); // the tier window is 12 months
        loyalty.earn.earnAll(List.of(new EarnPointsCommand(id, "O-2", money("3000.00"), "EUR", old),
                new EarnPointsCommand(id, "O-3", money("2000.00"), "EUR", old)));
        assertThat(loyalty.windowReads).isZero();
        assertThat(loyalty.accounts.get(id).tier()).isEqualTo("Bronze");

        loyalty.earn.earnAll(List.of(new EarnPointsCommand(id, "O-4", money("990.00"), "EUR",
                NOW.minus(Duration.ofDays(40)))));
        assertThat(loyalty.windowReads).isEqualTo(1);
        assertThat(loyalty.accounts.get(id).tier()).as("10 + 990 in the window").isEqualTo("Silver");
        assertThat(loyalty.accounts.get(id).balance()).isEqualTo(loyalty.ledgerSum(id));
    }

    @Test
    void aBatchOfReturnsLeavesWhatOneAtATimeLeaves() {
        UUID id = UUID.randomUUID();
        List<UUID> returnIds = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());
        Instant recent = NOW.minus(Duration.ofDays(40));
        InMemoryLoyalty batched = new InMemoryLoyalty(rules(20), NOW);
        InMemoryLoyalty oneByOne = new InMemoryLoyalty(rules(20), NOW);
        for (InMemoryLoyalty loyalty : List.of(batched, oneByOne)) {
            loyalty.open.open(new OpenAccountCommand(id, null, null, null, null, NOW));
            loyalty.earn.earn(new EarnPointsCommand(id, "O-1", money("100.00"), "EUR", recent));
            loyalty.earn.earn(new EarnPointsCommand(id, "O-2", money("50.00"), "EUR", recent));
            loyalty.earn.earn(new EarnPointsCommand(id, "O-old", money("30.00"), "EUR", NOW.minus(Duration.ofDays(800))));
            loyalty.redeem.redeem(new RedeemPointsCommand(id, "k1", 120L, null, null)); // all of O-1, 20 of O-2
        }
        List<ReversePointsCommand> returns = List.of(
                new ReversePointsCommand(id, "O-1", returnIds.get(0), money("30.00"), NOW), // the 30 left of O-2
                new ReversePointsCommand(id, "O-1", returnIds.get(0), money("30.00"), NOW), // the same return again
                new ReversePointsCommand(id, "O-2", returnIds.get(1), money("25.00"), NOW), // nothing left: debt
                new ReversePointsCommand(id, "O-old", returnIds.get(2), money("30.00"), NOW), // expired: lost already
                new ReversePointsCommand(id, "O-9", returnIds.get(3), money("10.00"), NOW), // no points for it
                new ReversePointsCommand(id, "O-1", returnIds.get(4), money("80.00"), NOW)); // capped at the 100 earned
        int reads = batched.openLotReads;
        batched.reverse.reverseAll(returns);
        returns.forEach(oneByOne.reverse::reverse);

        assertThat(batched.openLotReads - reads).as("the account's open lots read once").isEqualTo(1);
        assertThat(ledgerLines(batched, id)).isEqualTo(ledgerLines(oneByOne, id)).endsWith(
                "reverse -30 0 " + returnIds.get(0), "reverse -25 -25 " + returnIds.get(1),
                "reverse -70 -95 " + returnIds.get(4))
                .as("the expired order's return debits nothing").noneMatch(l -> l.endsWith(returnIds.get(2).toString()));
        assertThat(batched.events).isEqualTo(oneByOne.events);
        assertThat(lotLines(batched)).isEqualTo(lotLines(oneByOne)).contains("O-1 100 0 110.00 100 0",
                "O-2 50 0 25.00 25 0", "O-old 30 0 30.00 30 0");
        LoyaltyAccount account = batched.accounts.get(id);
        assertThat(List.of(account.balance(), account.debt())).containsExactly(-95L, 95L);
        assertThat(oneByOne.accounts.get(id).debt()).isEqualTo(95);
        assertThat(account.balance()).isEqualTo(batched.ledgerSum(id));
    }

    private static List<String> lotLines(InMemoryLoyalty loyalty) {
        return loyalty.lots.values().stream().map(l -> l.orderId() + " " + l.points() + " " + l.remaining() + " "
                + l.returnedAmount() + " " + l.reversedPoints() + " " + l.expiredPoints()).toList();
    }

    private static List<String> ledgerLines(InMemoryLoyalty loyalty, UUID id) {
        return loyalty.entries.stream().filter(e -> e.customerId().equals(id))
                .map(e -> e.type().wireName() + " " + e.points() + " " + e.runningBalance() + " " + e.sourceId()).toList();
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
